namespace RingRift.Kernel.Election;

/// <summary>As a voter, this node granted <paramref name="Candidate"/> a new lease at <paramref name="Epoch"/>.</summary>
public sealed record LeaseGranted(NodeId Candidate, long Epoch) : Notice
{
    public override string Name => "lease_granted";
    public override string Describe() => $"candidate={Candidate} epoch={Epoch}";
}
