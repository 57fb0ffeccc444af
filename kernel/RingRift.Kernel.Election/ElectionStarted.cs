namespace RingRift.Kernel.Election;

/// <summary>This node campaigns for a lease at <paramref name="Epoch"/>.</summary>
public sealed record ElectionStarted(long Epoch) : Notice
{
    public override string Name => "election_started";
    public override string Describe() => $"epoch={Epoch}";
}
