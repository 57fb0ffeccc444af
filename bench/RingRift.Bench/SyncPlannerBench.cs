using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using RingRift.Kernel.Sync;

namespace RingRift.Bench;

/// <summary>
/// The sync planner on <see cref="SyncBenchCluster"/> at 36 and 256 nodes (170,508 and 1,243,308
/// manifest entries): a full plan on a new snapshot, which builds the file index from every manifest
/// (most of its cost); a re-plan after one transfer failed (the first plan's other transfers in
/// flight, on <see cref="ClusterSnapshot.WithInFlight"/>, which reuses the index); and the cleanup
/// planner on a new snapshot.
/// </summary>
[MemoryDiagnoser]
public class SyncPlannerBench
{
    private ClusterSnapshot _small = null!, _large = null!, _smallReplan = null!, _largeReplan = null!;
    private List<FileOrder> _smallOrders = null!, _largeOrders = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_small, _smallOrders) = SyncBenchCluster.Build(36);
        (_large, _largeOrders) = SyncBenchCluster.Build(256);
        _smallReplan = AfterOneFailure(_small, _smallOrders);
        _largeReplan = AfterOneFailure(_large, _largeOrders);
    }

    private static ClusterSnapshot AfterOneFailure(ClusterSnapshot snapshot, List<FileOrder> orders)
    {
        var first = SyncPlanner.Plan(snapshot, orders, SyncPolicy.Default);
        return snapshot.WithInFlight(first.Transfers.Skip(1));
    }

    [Benchmark]
    [AllocationBudget(7_200_000, "measured 6,797,670: the file index for 170,508 entries (open-addressing table of 524,288 ints 2.1 MB, entry references 1.4 MB, four holder arrays 2.7 MB), the ledger and the plan")]
    public SyncPlan Plan36Nodes() => SyncPlanner.Plan(Fresh(_small), _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(54_000_000, "measured 51,423,887: the file index for 1,243,308 entries (table of 4,194,304 ints 16.8 MB, entry references 9.9 MB, four holder arrays 19.9 MB), the ledger and the plan")]
    public SyncPlan Plan256Nodes() => SyncPlanner.Plan(Fresh(_large), _largeOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(600_000, "measured 561,797: no index (shared through WithInFlight); the ledger (a pending-replica count per file, slot arrays, the in-flight sets) and the plan")]
    public SyncPlan Replan36NodesAfterOneFailure() => SyncPlanner.Plan(_smallReplan, _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(4_900_000, "measured 4,593,142: no index (shared through WithInFlight); the ledger (a pending-replica count per file, 2 MB, and the sets of the 923 transfers in flight) and the plan")]
    public SyncPlan Replan256NodesAfterOneFailure() => SyncPlanner.Plan(_largeReplan, _largeOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(49_500_000, "measured 46,923,827: the file index as for Plan256Nodes, the keep and removed sets, and the deletions")]
    public ImmutableArray<Deletion> Cleanup256Nodes() => CleanupPlanner.Plan(Fresh(_large), _largeOrders, SyncPolicy.Default);

    /// <summary>The same cluster as a new snapshot, so the operation builds the file index as a first plan does.</summary>
    private static ClusterSnapshot Fresh(ClusterSnapshot snapshot) => ClusterSnapshot.Create(snapshot.Nodes, snapshot.CanonicalStore, snapshot.Blocked);
}
