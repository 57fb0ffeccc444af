namespace RingRift.Kernel.Election;

/// <summary>The leader's lease now holds until <paramref name="ValidUntil"/> on its own clock.</summary>
public sealed record LeaseExtended(long Epoch, Instant ValidUntil) : Notice
{
    public override string Name => "lease_extended";
    public override string Describe() => $"epoch={Epoch} valid_until={ValidUntil.Micros}";
}
