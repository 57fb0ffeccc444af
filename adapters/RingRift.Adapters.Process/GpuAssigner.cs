using System;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// Which of a host's GPUs each job process runs on, decided from what runs on each GPU now. A selfplay or
/// gauntlet packs: the GPU with the most processes that is still below the per-GPU share (ties to the lowest
/// index), so whole GPUs stay free for trainings; when every GPU has its share, the least loaded. A training
/// goes to the GPU with the fewest processes and counts as a whole share there while it runs. The leader
/// places a training only where a GPU's worth of slots is free on the node, but those free slots may be
/// spread over several GPUs: then the training shares the least loaded one. Not thread-safe: the caller
/// serialises <see cref="Take"/> and <see cref="Release"/>.
/// </summary>
public sealed class GpuAssigner
{
    private readonly int[] _load;

    /// <param name="gpus">The host's GPUs (0: no device is ever assigned).</param>
    /// <param name="processesPerGpu">How many selfplay processes share one GPU (the node's slots per GPU); at least 1.</param>
    public GpuAssigner(int gpus, int processesPerGpu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gpus);
        _load = new int[gpus];
        ProcessesPerGpu = Math.Max(1, processesPerGpu);
    }

    /// <summary>A host without GPUs.</summary>
    public static GpuAssigner None => new(0, 1);

    public int Gpus => _load.Length;

    public int ProcessesPerGpu { get; }

    /// <summary>The processes counted on <paramref name="gpu"/> now (a training counts as <see cref="ProcessesPerGpu"/>).</summary>
    public int LoadOf(int gpu) => _load[gpu];

    /// <summary>The GPU a job of <paramref name="kind"/> runs on, now counted there; null when the host has no GPU.</summary>
    public int? Take(JobKind kind)
    {
        if (Gpus == 0) return null;
        var gpu = kind == JobKind.Training ? LeastLoaded() : PackedOrLeastLoaded();
        _load[gpu] += Weight(kind);
        return gpu;
    }

    /// <summary>Frees what a job of <paramref name="kind"/> took on <paramref name="gpu"/> (its process ended).</summary>
    public void Release(int gpu, JobKind kind) => _load[gpu] = Math.Max(0, _load[gpu] - Weight(kind));

    private int Weight(JobKind kind) => kind == JobKind.Training ? ProcessesPerGpu : 1;

    private int PackedOrLeastLoaded()
    {
        var best = -1;
        for (var gpu = 0; gpu < Gpus; gpu++)
            if (_load[gpu] < ProcessesPerGpu && (best < 0 || _load[gpu] > _load[best])) best = gpu;
        return best >= 0 ? best : LeastLoaded();
    }

    private int LeastLoaded()
    {
        var best = 0;
        for (var gpu = 1; gpu < Gpus; gpu++)
            if (_load[gpu] < _load[best]) best = gpu;
        return best;
    }
}
