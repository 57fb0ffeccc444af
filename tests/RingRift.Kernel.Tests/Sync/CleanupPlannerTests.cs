using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

public sealed class CleanupPlannerTests
{
    /// <summary>A 96 GB disk with 10 GB free: warning level, 4.4 GB to free to get back to normal.</summary>
    private static NodeSnapshot Full(NodeSnapshot node) => node with { DiskTotal = ByteSize.FromGigabytes(96), DiskFree = ByteSize.FromGigabytes(10) };

    private static string[] Show(ClusterSnapshot snapshot, params FileOrder[] orders) =>
        CleanupPlanner.Plan(snapshot, orders, SyncPolicy.Default).Select(d => d.Node + " " + d.Path).ToArray();

    [Fact]
    public void Plan_FullNode_DeletesGamesHeldByCanonicalAndTwoOthers()
    {
        var snapshot = Cluster("c", Host("c", Game(1), Game(2)), Host("r1", Game(1), Game(2)), Host("r2", Game(1)), Full(Host("w", Game(1), Game(2))));
        Assert.Equal(["w games/square8_2p/g00001.db"], Show(snapshot));
        Assert.True(DurabilityPolicy.MayDelete(snapshot, new NodeId("w"), Game(1).Path, Hash(1), 2));
        Assert.False(DurabilityPolicy.MayDelete(snapshot, new NodeId("w"), Game(2).Path, Hash(2), 2));
    }

    [Fact]
    public void Plan_TwoFullNodes_NeverDeleteOnTheStrengthOfEachOther()
    {
        var snapshot = Cluster("c", Host("c", Game(1)), Host("r", Game(1)), Full(Host("w1", Game(1))), Full(Host("w2", Game(1))));
        Assert.Equal(["w1 games/square8_2p/g00001.db"], Show(snapshot));
    }

    [Fact]
    public void Plan_CopiesOfAnotherVersionOrOnDeadNodes_DoNotCount()
    {
        var snapshot = Cluster("c", Host("c", Game(1)), Host("r1", Game(1, version: 2)), Host("r2", Game(1)) with { Alive = false },
            Host("r3", Game(1)), Full(Host("w", Game(1))));
        Assert.Empty(Show(snapshot));
    }

    [Fact]
    public void Plan_WithoutCanonicalCopy_DeletesNothing()
    {
        var snapshot = Cluster("c", Host("c"), Host("r1", Game(1)), Host("r2", Game(1)), Host("r3", Game(1)), Full(Host("w", Game(1))));
        Assert.Empty(Show(snapshot));
        Assert.Empty(Show(Cluster(null, Host("r1", Game(1)), Host("r2", Game(1)), Host("r3", Game(1)), Full(Host("w", Game(1))))));
    }

    [Fact]
    public void Plan_StopsOnceTheNodeIsBackBelowWarning()
    {
        var big = new[] { Game(1, 3_000_000_000), Game(2, 3_000_000_000), Game(3, 3_000_000_000) };
        var snapshot = Cluster("c", Host("c", big), Host("r1", big), Host("r2", big), Full(Host("w", big)));
        Assert.Equal(["w games/square8_2p/g00001.db", "w games/square8_2p/g00002.db"], Show(snapshot));
    }

    [Fact]
    public void Plan_KeepsOrderedFilesRunningTransfersAndTheCanonicalStore()
    {
        var files = new[] { Model(1), Game(2), Game(3) };
        var running = new Transfer(new NodeId("x"), new NodeId("w"), Game(3).Path, Hash(3), new ByteSize(1000), 0, 1000,
            SyncPriority.GameReplication, TransferInitiator.Target);
        var snapshot = ClusterSnapshot.Create(
            [Full(Host("c", files)), Host("r1", files), Host("r2", files), Full(Host("w", files)), Host("x")], new NodeId("c"), null, [running]);
        Assert.Equal(["w games/square8_2p/g00002.db"], Show(snapshot, FileOrder.Model(new NodeId("w"), Model(1).Path, Hash(1))));
    }

    [Fact]
    public void Plan_NodeAtNormalLevel_DeletesNothing()
    {
        var snapshot = Cluster("c", Host("c", Game(1)), Host("r1", Game(1)), Host("r2", Game(1)), Host("w", Game(1)));
        Assert.Empty(Show(snapshot));
    }

    [Fact]
    public void Plan_ModelsAndTrainingFiles_AreNeverTheCleanupsToDelete()
    {
        var files = new[] { Model(1), Npz(2) };
        var snapshot = Cluster("c", Host("c", files), Host("r1", files), Host("r2", files), Full(Host("w", files)));
        Assert.Empty(Show(snapshot));
    }

    /// <summary>An earlier plan's deletion on w1 is not yet in the manifests: w2 may not count w1's copy, and w1's is not ordered again.</summary>
    [Fact]
    public void Plan_PendingDeletion_ItsCopyDoesNotCountAndItIsNotOrderedAgain()
    {
        var snapshot = Cluster("c", Host("c", Game(1)), Host("r", Game(1)), Full(Host("w1", Game(1))), Full(Host("w2", Game(1))));
        Deletion[] pending = [new(new NodeId("w1"), Game(1).Path, Hash(1), Game(1).Size)];

        Assert.Empty(CleanupPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default, pending));
    }

    /// <summary>The pending deletion frees 3 of the 4.4 GB w must free, whether or not its free space shows it yet.</summary>
    [Fact]
    public void Plan_PendingDeletion_ItsBytesCountAsFreed()
    {
        var big = new[] { Game(1, 3_000_000_000), Game(2, 3_000_000_000), Game(3, 3_000_000_000) };
        var snapshot = Cluster("c", Host("c", big), Host("r1", big), Host("r2", big), Full(Host("w", big)));
        Deletion[] pending = [new(new NodeId("w"), big[0].Path, big[0].Hash, big[0].Size)];

        var plan = CleanupPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default, pending);

        Assert.Equal(["w games/square8_2p/g00002.db"], plan.Select(d => d.Node + " " + d.Path).ToArray());
    }
}
