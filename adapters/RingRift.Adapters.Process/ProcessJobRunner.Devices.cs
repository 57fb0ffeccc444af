using System.Globalization;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// Pins each job process to one GPU (<see cref="GpuAssigner"/>): the process gets
/// <c>CUDA_VISIBLE_DEVICES=&lt;index&gt;</c> and the template's <c>{gpu}</c>. The device is taken before the
/// process starts and given back on every end path (exit, kill, lease kill, launch failure) before the kernel
/// hears of the end, so the next launch sees it free. A host without GPUs sets nothing.
/// </summary>
public sealed partial class ProcessJobRunner
{
    private const string VisibleDevices = "CUDA_VISIBLE_DEVICES";
    private readonly object _devices = new();
    private readonly GpuAssigner _gpus = GpuAssigner.None;

    /// <summary>The host's GPUs and how many selfplay processes share one (the node's slots per GPU); none by default.</summary>
    public GpuAssigner Gpus
    {
        init => _gpus = value;
    }

    private int? TakeGpu(JobKind kind)
    {
        lock (_devices) return _gpus.Take(kind);
    }

    private void ReleaseGpu(int? gpu, JobKind kind)
    {
        if (gpu is not { } index) return;
        lock (_devices) _gpus.Release(index, kind);
    }

    private static void PinTo(System.Diagnostics.ProcessStartInfo info, int? gpu)
    {
        if (gpu is { } index) info.Environment[VisibleDevices] = index.ToString(CultureInfo.InvariantCulture);
    }
}
