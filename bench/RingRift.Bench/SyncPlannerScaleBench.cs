using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using RingRift.Kernel.Sync;

namespace RingRift.Bench;

/// <summary>
/// The sync planner at the sizes, on <see cref="SyncBenchCluster"/>'s shape: 36 nodes holding
/// 100,100 distinct game databases (2,860 per worker), and 1,024 nodes holding 1,000,032 (978 per worker).
/// A first plan builds the file index on a new snapshot; a re-plan after one failed transfer keeps the
/// first plan's other transfers in flight and reuses the index (<see cref="ClusterSnapshot.WithInFlight"/>).
/// </summary>
[MemoryDiagnoser]
public class SyncPlannerScaleBench
{
    public const int GamesPerWorker36 = 2_860;
    public const int GamesPerWorker1024 = 978;

    private ClusterSnapshot _small = null!, _smallReplan = null!, _huge = null!, _hugeReplan = null!;
    private List<FileOrder> _smallOrders = null!, _hugeOrders = null!;

    [GlobalSetup(Targets = [nameof(Plan36Nodes100kFiles), nameof(Replan36Nodes100kFilesAfterOneFailure)])]
    public void SetupSmall()
    {
        (_small, _smallOrders) = SyncBenchCluster.Build(36, GamesPerWorker36);
        _smallReplan = AfterOneFailure(_small, _smallOrders);
    }

    [GlobalSetup(Targets = [nameof(Plan1024Nodes1MFiles), nameof(Replan1024Nodes1MFilesAfterOneFailure)])]
    public void SetupHuge()
    {
        (_huge, _hugeOrders) = SyncBenchCluster.Build(1024, GamesPerWorker1024);
        _hugeReplan = AfterOneFailure(_huge, _hugeOrders);
    }

    private static ClusterSnapshot AfterOneFailure(ClusterSnapshot snapshot, List<FileOrder> orders)
    {
        var first = SyncPlanner.Plan(snapshot, orders, SyncPolicy.Default);
        return snapshot.WithInFlight(first.Transfers.Skip(1));
    }

    [Benchmark]
    [AllocationBudget(9_100_000, "measured 8,651,827: the file index for about 245,000 entries, the ledger and the plan")]
    public SyncPlan Plan36Nodes100kFiles() => SyncPlanner.Plan(Fresh(_small), _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(720_000, "measured 682,240: no index (shared through WithInFlight); the ledger and the plan")]
    public SyncPlan Replan36Nodes100kFilesAfterOneFailure() => SyncPlanner.Plan(_smallReplan, _smallOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(115_000_000, "measured 109,380,004: the file index for about 2.5 million entries, the ledger and the plan")]
    public SyncPlan Plan1024Nodes1MFiles() => SyncPlanner.Plan(Fresh(_huge), _hugeOrders, SyncPolicy.Default);

    [Benchmark]
    [AllocationBudget(16_300_000, "measured 15,482,225: no index; the ledger's per-file pending-replica counts for a million files, the in-flight sets and the plan")]
    public SyncPlan Replan1024Nodes1MFilesAfterOneFailure() => SyncPlanner.Plan(_hugeReplan, _hugeOrders, SyncPolicy.Default);

    private static ClusterSnapshot Fresh(ClusterSnapshot snapshot) => ClusterSnapshot.Create(snapshot.Nodes, snapshot.CanonicalStore, snapshot.Blocked);
}
