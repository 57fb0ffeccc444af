using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

public sealed class SyncPlannerTests
{
    private static readonly NodeId T = new("t");

    private static NodeSnapshot With(NodeSnapshot node, int loadPercent = 0, bool nat = false, long freeGb = -1, long totalGb = -1) => node with
    {
        Load = Ratio.FromPercent(loadPercent),
        NatBlocked = nat,
        DiskFree = freeGb < 0 ? node.DiskFree : ByteSize.FromGigabytes(freeGb),
        DiskTotal = totalGb < 0 ? node.DiskTotal : ByteSize.FromGigabytes(totalGb),
    };

    private static SyncPlan PlanOrders(ClusterSnapshot snapshot, SyncPolicy? policy = null, params FileOrder[] orders) =>
        SyncPlanner.Plan(snapshot, orders, OrdersOnly(policy));

    private static string[] Show(SyncPlan plan) => plan.Transfers.Select(t => t.ToString()).ToArray();

    [Fact]
    public void Plan_ModelOrder_PrefersSameProviderOverLighterLoad()
    {
        var snapshot = Cluster(null, Host("t", "nebius"), With(Host("a", "lambda", Model(1))), With(Host("b", "nebius", Model(1)), loadPercent: 50));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Equal(["PromotedModel models/m001.pt b->t [0,1000) by Target"], Show(plan));
        Assert.Equal(new ByteSize(1000), plan.BytesPlanned);
    }

    [Fact]
    public void Plan_SameProvider_LighterLoadThenNodeIdWins()
    {
        var loaded = Cluster(null, Host("t"), With(Host("a", Model(1)), loadPercent: 30), With(Host("b", Model(1)), loadPercent: 10));
        Assert.Equal("b", PlanOrders(loaded, null, FileOrder.Model(T, Model(1).Path, Hash(1))).Transfers.Single().Source.Value);
        var tied = Cluster(null, Host("t"), Host("b", Model(1)), Host("a", Model(1)));
        Assert.Equal("a", PlanOrders(tied, null, FileOrder.Model(T, Model(1).Path, Hash(1))).Transfers.Single().Source.Value);
    }

    [Fact]
    public void Plan_NeverUsesAHolderOfAnotherVersion()
    {
        var snapshot = Cluster(null, Host("t"), Host("a", Model(1, version: 2)), Host("z", Model(1)));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Equal("z", plan.Transfers.Single().Source.Value);
    }

    [Fact]
    public void Plan_NatBlockedTarget_StillPulls()
    {
        var snapshot = Cluster(null, With(Host("t"), nat: true), Host("a", Model(1)));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Equal(["PromotedModel models/m001.pt a->t [0,1000) by Target"], Show(plan));
    }

    [Fact]
    public void Plan_NatBlockedSource_PushesOnlyWhenAllowed()
    {
        var snapshot = Cluster(null, Host("t"), With(Host("a", Model(1)), nat: true));
        var order = FileOrder.Model(T, Model(1).Path, Hash(1));
        Assert.Equal(["PromotedModel models/m001.pt a->t [0,1000) by Source"], Show(PlanOrders(snapshot, null, order)));
        var refused = PlanOrders(snapshot, SyncPolicy.Default with { PushAllowed = false }, order);
        Assert.Empty(refused.Transfers);
        Assert.Equal(1, refused.NoSource);
    }

    [Fact]
    public void Plan_PrefersAPullOverAPush()
    {
        var snapshot = Cluster(null, Host("t"), With(Host("a", Model(1)), nat: true), With(Host("b", Model(1)), loadPercent: 90));
        Assert.Equal("b", PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1))).Transfers.Single().Source.Value);
    }

    [Fact]
    public void Plan_BothEndsBlocked_IsStranded()
    {
        var snapshot = ClusterSnapshot.Create(
            [With(Host("t"), nat: true), Host("a", Model(1))], null, [new DialBlock(T, new NodeId("a"))]);
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Empty(plan.Transfers);
        Assert.Equal(1, plan.NoSource);
    }

    [Fact]
    public void Plan_LargeFile_IsSpreadInChunkAlignedRangesOverTheBestSources()
    {
        var big = Model(1, bytes: 1_000_000_000);
        var snapshot = Cluster(null, Host("t"), Host("a", big), Host("b", big), Host("c", big), With(Host("d", big), loadPercent: 80));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, big.Path, big.Hash));
        Assert.Equal(
            [
                "PromotedModel models/m001.pt a->t [0,335544320) by Target",
                "PromotedModel models/m001.pt b->t [335544320,671088640) by Target",
                "PromotedModel models/m001.pt c->t [671088640,1000000000) by Target",
            ],
            Show(plan));
        Assert.Equal(new ByteSize(1_000_000_000), plan.BytesPlanned);
    }

    [Fact]
    public void Plan_TargetSlots_BoundTheTransfersAndTheRestWait()
    {
        var sources = Enumerable.Range(1, 5).Select(i => Host("s" + i, Model(i))).Prepend(Host("t")).ToArray();
        var orders = Enumerable.Range(1, 5).Select(i => FileOrder.Model(T, Model(i).Path, Hash(i))).ToArray();
        var plan = PlanOrders(Cluster(null, sources), SyncPolicy.Default with { PullsPerTargetMax = 2 }, orders);
        Assert.Equal(["PromotedModel models/m001.pt s1->t [0,1000) by Target", "PromotedModel models/m002.pt s2->t [0,1000) by Target"], Show(plan));
        Assert.Equal(3, plan.Deferred);
    }

    [Fact]
    public void Plan_TargetAboveCritical_GetsNothing()
    {
        var snapshot = Cluster(null, With(Host("t"), freeGb: 4, totalGb: 96), Host("a", Model(1)));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Empty(plan.Transfers);
        Assert.Equal(1, plan.DiskFull);
    }

    [Fact]
    public void Plan_TargetHeadroom_BoundsTheBytesPlanned()
    {
        // 96 GB disk, 10 GB free, critical reserve 4.8 GB: 5.2 GB may still arrive.
        var snapshot = Cluster(null, With(Host("t"), freeGb: 10, totalGb: 96), Host("a", Model(1, 3_000_000_000)), Host("b", Model(2, 3_000_000_000)));
        var plan = PlanOrders(snapshot, null,
            FileOrder.Model(T, Model(1).Path, Hash(1)), FileOrder.Model(T, Model(2).Path, Hash(2)));
        Assert.Equal(["PromotedModel models/m001.pt a->t [0,3000000000) by Target"], Show(plan));
        Assert.Equal(1, plan.DiskFull);
    }

    [Fact]
    public void Plan_PromotedModel_TakesTheLastSlotBeforeTrainingAndReplication()
    {
        var snapshot = Cluster("c", Host("c"), Host("t"), Host("a", Model(1), Npz(2), Game(3)));
        var orders = new[] { FileOrder.TrainingInput(T, Npz(2).Path, Npz(2).Hash), FileOrder.Model(T, Model(1).Path, Hash(1)) };
        var plan = SyncPlanner.Plan(snapshot, orders, SyncPolicy.Default with { PullsPerTargetMax = 1 });
        Assert.Equal(
            [
                "PromotedModel models/m001.pt a->t [0,1000) by Target",
                "GameReplication games/square8_2p/g00003.db a->c [0,1000) by Target",
            ],
            Show(plan));
        Assert.Equal(2, plan.Deferred);
    }

    [Fact]
    public void Plan_SatisfiedOrder_PlansNothing()
    {
        var snapshot = Cluster(null, Host("t", Model(1)), Host("a", Model(1)));
        var plan = PlanOrders(snapshot, null, FileOrder.Model(T, Model(1).Path, Hash(1)));
        Assert.Equal(SyncPlan.Empty with { Transfers = plan.Transfers }, plan);
        Assert.Empty(plan.Transfers);
    }

    [Fact]
    public void Plan_InFlight_IsNotPlannedAgainAndKeepsItsSlots()
    {
        var nodes = new[] { Host("t"), Host("a", Model(1), Model(2)) };
        var running = new Transfer(T, new NodeId("a"), Model(1).Path, Hash(1), new ByteSize(1000), 0, 1000, SyncPriority.PromotedModel, TransferInitiator.Target);
        var snapshot = ClusterSnapshot.Create(nodes, null, null, [running]);
        var orders = new[] { FileOrder.Model(T, Model(1).Path, Hash(1)), FileOrder.Model(T, Model(2).Path, Hash(2)) };
        var plan = PlanOrders(snapshot, null, orders);
        Assert.Empty(plan.Transfers);
        Assert.Equal(1, plan.Deferred);
        var twoPerLink = PlanOrders(snapshot, SyncPolicy.Default with { TransfersPerLinkMax = 2 }, orders);
        Assert.Equal(["PromotedModel models/m002.pt a->t [0,1000) by Target"], Show(twoPerLink));
    }

    [Fact]
    public void Plan_Game_GoesToCanonicalAndOneMoreReplicaBesideItsProducer()
    {
        // Eligible replica targets in id order: r1, r2, r3, w1; the game's hash starts the walk at index 1.
        var snapshot = Cluster("c", Host("c"), Host("r1"), Host("r2"), Host("r3"), Host("w1", Game(3)));
        var plan = SyncPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default);
        Assert.Equal(
            [
                "GameReplication games/square8_2p/g00003.db w1->c [0,1000) by Target",
                "GameReplication games/square8_2p/g00003.db w1->r2 [0,1000) by Target",
            ],
            Show(plan));
    }

    [Fact]
    public void Plan_ProducerAtWarning_GetsTwoReplicasElsewhere()
    {
        var snapshot = Cluster("c", Host("c", Game(3)), Host("r1"), Host("r2"), Host("r3"), With(Host("w1", Game(3)), freeGb: 10, totalGb: 96));
        var plan = SyncPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default);
        Assert.Equal(
            [
                "GameReplication games/square8_2p/g00003.db c->r2 [0,1000) by Target",
                "GameReplication games/square8_2p/g00003.db w1->r3 [0,1000) by Target",
            ],
            Show(plan));
    }

    [Fact]
    public void Plan_GameOnADeadNodeOnly_IsCountedStranded()
    {
        var snapshot = Cluster("c", Host("c"), Host("r1"), Host("w1", Game(3)) with { Alive = false });
        var plan = SyncPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default);
        Assert.Empty(plan.Transfers);
        Assert.Equal(1, plan.NoSource);
    }

    [Fact]
    public void Plan_DurableGame_PlansNothing()
    {
        var snapshot = Cluster("c", Host("c", Game(3)), Host("r1", Game(3)), Host("w1", Game(3)));
        Assert.Empty(SyncPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default).Transfers);
    }
}
