namespace RingRift.Kernel.Monitoring;

/// <summary>What an alert is about. Values are part of the wire (a bit each in <see cref="AlertReport"/>): append, never renumber.</summary>
public enum AlertKind : byte
{
    /// <summary>The disk's used fraction is predicted to reach its threshold within the horizon.</summary>
    DiskFilling = 0,
    /// <summary>The memory's used fraction is predicted to reach its threshold within the horizon.</summary>
    MemoryGrowing = 1,
    /// <summary>Selfplay runs but wrote no game for the stall bound (process alive, no output).</summary>
    SelfplayStalled = 2,
    /// <summary>The leader's pending queue is predicted to reach its bound within the horizon.</summary>
    QueueGrowing = 3,
    /// <summary>The round trip of the node's alert report to the leader is predicted to reach its bound within the horizon.</summary>
    HeartbeatDelayRising = 4,
}

/// <summary>Stable snake_case names of <see cref="AlertKind"/>, used in notices, /alerts and metrics.</summary>
public static class AlertKinds
{
    public const int Count = 5;

    public static string Name(AlertKind kind) => kind switch
    {
        AlertKind.DiskFilling => "disk_filling",
        AlertKind.MemoryGrowing => "memory_growing",
        AlertKind.SelfplayStalled => "selfplay_stalled",
        AlertKind.QueueGrowing => "queue_growing",
        AlertKind.HeartbeatDelayRising => "heartbeat_delay_rising",
        _ => throw new InvariantViolationException("unknown alert kind " + (int)kind),
    };

    public static int Bit(AlertKind kind) => 1 << (int)kind;
}
