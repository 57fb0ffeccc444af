namespace RingRift.Kernel;

/// <summary>A sample of a node's own resources, delivered by <see cref="Observed"/>.</summary>
public sealed record ResourceSample(
    Ratio CpuBusy,
    Ratio MemoryUsed,
    Ratio GpuBusy,
    ByteSize DiskFree,
    GpuHealth GpuHealth)
{
    /// <summary>Fraction of the disk in use; zero when the host does not sample it (no disk alert is then possible).</summary>
    public Ratio DiskUsed { get; init; }

    /// <summary>
    /// Games this node's selfplay has written (a counter that only grows), for stall detection; null when
    /// the host does not count them (then no stall can be detected, rather than every job looking stalled).
    /// </summary>
    public long? GamesWritten { get; init; }

    public static readonly ResourceSample Idle = new(Ratio.Zero, Ratio.Zero, Ratio.Zero, ByteSize.Zero, GpuHealth.Healthy);
}

/// <summary>What the host can tell about the GPUs.</summary>
public enum GpuHealth : byte
{
    Healthy = 0,
    Failed = 1,
    Hung = 2,
    Misdetected = 3,
}
