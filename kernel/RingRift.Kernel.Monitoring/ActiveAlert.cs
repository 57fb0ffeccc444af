namespace RingRift.Kernel.Monitoring;

/// <summary>One active alert of the monitor: since when, the newest level, and when it was last announced.</summary>
internal sealed class ActiveAlert(Instant since, long level)
{
    public Instant Since { get; } = since;
    public long Level { get; set; } = level;
    public Instant LastAnnounced { get; set; } = since;
}
