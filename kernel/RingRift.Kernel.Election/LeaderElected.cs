namespace RingRift.Kernel.Election;

/// <summary>This node holds a majority of lease grants at <paramref name="Epoch"/> and leads until
/// <paramref name="ValidUntil"/> on its own clock, unless renewed.</summary>
public sealed record LeaderElected(long Epoch, Instant ValidUntil) : Notice
{
    public override string Name => "leader_elected";
    public override string Describe() => $"epoch={Epoch} valid_until={ValidUntil.Micros}";
}
