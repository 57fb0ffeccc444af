namespace RingRift.Kernel.Election;

/// <summary>The leader this node follows changed: a new leader or epoch, or none (lost).</summary>
public sealed record LeaderChanged(NodeId? Leader, long Epoch) : Notice
{
    public override string Name => "leader_changed";
    public override string Describe() => $"leader={Leader?.Value ?? "none"} epoch={Epoch}";
}
