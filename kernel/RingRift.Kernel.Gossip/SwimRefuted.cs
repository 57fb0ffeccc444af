namespace RingRift.Kernel.Gossip;

/// <summary>This node heard itself suspected or declared dead (<paramref name="Claim"/>) and refuted it with <paramref name="Incarnation"/>.</summary>
public sealed record SwimRefuted(SwimUpdateKind Claim, SwimIncarnation Incarnation) : Notice
{
    public override string Name => "swim_refuted";
    public override string Describe() => $"claim={Claim} incarnation={Incarnation}";
}
