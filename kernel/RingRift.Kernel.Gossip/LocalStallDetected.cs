namespace RingRift.Kernel.Gossip;

/// <summary>This node was not stepped for <paramref name="Gap"/>: it stalled, and its peers were not blamed.</summary>
public sealed record LocalStallDetected(Duration Gap) : Notice
{
    public override string Name => "local_stall_detected";
    public override string Describe() => $"gap={Gap}";
}
