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
    [AllocationBudget(40_000_000, "placeholder")]
    public SyncPlan Plan36Nodes() => SyncPlanner.Plan(Fresh(_small), _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(400_000_000, "placeholder")]
    public SyncPlan Plan256Nodes() => SyncPlanner.Plan(Fresh(_large), _largeOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(40_000_000, "placeholder")]
    public SyncPlan Replan36NodesAfterOneFailure() => SyncPlanner.Plan(_smallReplan, _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(400_000_000, "placeholder")]
    public SyncPlan Replan256NodesAfterOneFailure() => SyncPlanner.Plan(_largeReplan, _largeOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(400_000_000, "placeholder")]
    public ImmutableArray<Deletion> Cleanup256Nodes() => CleanupPlanner.Plan(Fresh(_large), _largeOrders, SyncPolicy.Default);

    /// <summary>The same cluster as a new snapshot, so the operation builds the file index as a first plan does.</summary>
    private static ClusterSnapshot Fresh(ClusterSnapshot snapshot) => ClusterSnapshot.Create(snapshot.Nodes, snapshot.CanonicalStore, snapshot.Blocked);
}
