namespace RingRift.Simulator.Engine;

/// <summary>A provider-side event: one provisioned node's boot (or failed boot), or the Elo snapshot.</summary>
internal abstract record ProviderEvent;

/// <summary>The node <see cref="Node"/> of a provisioning request comes up now, or never (<see cref="Fails"/>).</summary>
internal sealed record ProvisionedBoot(ProvisionRequest Request, int Node, bool Fails) : ProviderEvent;

/// <summary>The leader's Elo table is noted now, to judge at the end which nodes caught up with it.</summary>
internal sealed record EloSnapshotDue : ProviderEvent;

/// <summary>One <see cref="Kernel.ProvisionNodes"/> effect: who asked (and in which life), and what became of its nodes so far.</summary>
internal sealed class ProvisionRequest(int requester, long requesterLife, Kernel.EffectId effect, int count)
{
    public int Requester { get; } = requester;
    public long RequesterLife { get; } = requesterLife;
    public Kernel.EffectId Effect { get; } = effect;
    public int Remaining { get; set; } = count;
    public System.Collections.Generic.List<Kernel.NodeId> Booted { get; } = new();
    public int Failed { get; set; }
}
