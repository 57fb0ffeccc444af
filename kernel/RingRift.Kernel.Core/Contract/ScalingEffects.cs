using System.Collections.Immutable;

namespace RingRift.Kernel;

/// <summary>
/// Ask the cluster's provider for <see cref="Count"/> more nodes of <see cref="Profile"/> (the auto-scaler's
/// scale-up). The provider picks the machines; they join the cluster by booting and being heard like any
/// node. Completion: <see cref="NodesProvisioned"/> once every requested node booted or failed to.
/// </summary>
public sealed record ProvisionNodes(EffectId Id, int Count, string Profile) : Effect(Id)
{
    public override string Name => "provision_nodes";
}

/// <summary>
/// Ask the provider to terminate <see cref="Node"/> for good (the auto-scaler's scale-down). The kernel
/// issues it only for a node it found idle, not a voter, running no training and holding no sole replica.
/// Completion: <see cref="NodeDecommissioned"/>.
/// </summary>
public sealed record DecommissionNode(EffectId Id, NodeId Node) : Effect(Id)
{
    public override string Name => "decommission_node";
}

/// <summary>How a <see cref="ProvisionNodes"/> ended: the nodes that booted, and how many failed to boot.</summary>
public sealed record NodesProvisioned(ImmutableArray<NodeId> Booted, int FailedBoots) : EffectOutcome;

/// <summary>How a <see cref="DecommissionNode"/> ended: <see cref="Succeeded"/> once the node is gone, else why not.</summary>
public sealed record NodeDecommissioned(bool Succeeded, string Reason) : EffectOutcome;
