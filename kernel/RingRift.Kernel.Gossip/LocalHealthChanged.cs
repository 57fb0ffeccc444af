namespace RingRift.Kernel.Gossip;

/// <summary>Lifeguard's local health score changed; this node's timeouts are now stretched by <paramref name="Score"/> + 1.</summary>
public sealed record LocalHealthChanged(int Score) : Notice
{
    public override string Name => "local_health_changed";
    public override string Describe() => $"score={Score}";
}
