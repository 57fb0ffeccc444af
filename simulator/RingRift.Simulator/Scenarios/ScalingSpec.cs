using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// The scenario's <c>scaling</c> block: the leader's auto-scaler is on, and the simulator plays the
/// provider. <see cref="Managed"/> are provider nodes that run from the start; <see cref="Pool"/> are
/// provider nodes not yet provisioned (hosts of the cluster that do not boot until a scale-up picks them).
/// A provisioned node boots after a seeded delay in [<see cref="DelayMin"/>, <see cref="DelayMax"/>], or
/// with probability <see cref="BootFailure"/> never comes up (its slot returns to the pool). A
/// decommissioned node stops for good. <see cref="Policy"/> carries the kernel's numbers.
/// </summary>
public sealed record ScalingSpec(
    ImmutableArray<NodeId> Managed,
    ImmutableArray<NodeId> Pool,
    Duration DelayMin,
    Duration DelayMax,
    Ratio BootFailure,
    Kernel.Scaling.ScalingConfig Policy);
