using System;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Host.Resources;

/// <summary>
/// The GPUs of this machine: read from nvidia-smi when it is installed, else the configured static
/// profile (idle and healthy). nvidia-smi not answering in time reads as hung; failing, or finding fewer
/// GPUs than the profile names, as failed; utilisation is the mean over the GPUs found.
/// </summary>
internal sealed class GpuSampler(string? nvidiaSmi, int expectedGpus)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(10);
    private GpuReport _last = new([], 0);

    /// <summary>What the last run found; empty without nvidia-smi.</summary>
    public GpuReport Last => Volatile.Read(ref _last);

    public async Task<(Ratio Busy, GpuHealth Health)> SampleAsync()
    {
        if (nvidiaSmi is null) return (Ratio.Zero, GpuHealth.Healthy);
        var (output, timedOut) = await NvidiaSmi.RunAsync(nvidiaSmi, RunTimeout).ConfigureAwait(false);
        if (output is null) return (Ratio.Zero, timedOut ? GpuHealth.Hung : GpuHealth.Failed);
        var report = NvidiaSmi.Parse(output);
        Volatile.Write(ref _last, report);
        return Judge(report, expectedGpus);
    }

    public static (Ratio Busy, GpuHealth Health) Judge(GpuReport report, int expectedGpus)
    {
        var health = report.Gpus.Count < expectedGpus ? GpuHealth.Failed : GpuHealth.Healthy;
        if (report.Gpus.Count == 0) return (Ratio.Zero, health);
        long percent = 0;
        foreach (var gpu in report.Gpus) percent += gpu.UtilizationPercent;
        return (Ratio.Of(percent, 100L * report.Gpus.Count), health);
    }
}
