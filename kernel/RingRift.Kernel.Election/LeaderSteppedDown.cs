namespace RingRift.Kernel.Election;

/// <summary>This node stopped leading (lease lapsed, asked to, or a newer epoch appeared).</summary>
public sealed record LeaderSteppedDown(long Epoch, string Reason) : Notice
{
    public override string Name => "leader_stepped_down";
    public override string Describe() => $"epoch={Epoch} reason={Reason}";
}
