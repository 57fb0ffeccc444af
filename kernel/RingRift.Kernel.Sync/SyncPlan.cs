using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// What <see cref="SyncPlanner.Plan"/> decided: the transfers to start, in priority order, and the
/// wants it could not serve this time, by reason. <see cref="Deferred"/> wants wait for a free slot;
/// <see cref="NoSource"/> wants have no live holder the target can reach in either direction
/// (stranded data, the metric the original lacked); <see cref="DiskFull"/> wants target a node that
/// has no room before its critical level; <see cref="Conflicts"/> counts wants left alone because
/// another version of the path is there or ordered there: replication never overwrites a different
/// version, and of several orders for one (target, path) only the first by precedence is served.
/// Counts cover the wants examined; once no slot is left anywhere the planner stops looking.
/// </summary>
public sealed record SyncPlan(
    ImmutableArray<Transfer> Transfers,
    ByteSize BytesPlanned,
    int Deferred,
    int NoSource,
    int DiskFull,
    int Conflicts)
{
    public static readonly SyncPlan Empty = new(ImmutableArray<Transfer>.Empty, ByteSize.Zero, 0, 0, 0, 0);
}
