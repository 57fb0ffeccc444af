using System.Collections.Immutable;

namespace RingRift.Kernel.Scaling;

/// <summary>
/// The cluster at one check, as the leader's book and membership show it. <see cref="PendingWork"/> is the
/// pending work beyond the standing selfplay backlog dispatch keeps (one job per slot), which is not
/// demand; <see cref="LiveWorkers"/> the GPU workers Alive now; <see cref="Managed"/> the provider's nodes
/// in node-id order.
/// </summary>
public sealed record ScalingInput(int PendingWork, int LiveWorkers, ImmutableArray<ScalingNodeFacts> Managed);
