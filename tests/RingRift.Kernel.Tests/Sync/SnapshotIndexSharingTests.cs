using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>A leader's next snapshot shares the last one's file index only while every manifest is the same one.</summary>
public sealed class SnapshotIndexSharingTests
{
    private static string[] Plan(ClusterSnapshot snapshot) =>
        SyncPlanner.Plan(snapshot, NoOrders, SyncPolicy.Default).Transfers.Select(t => t.ToString()).ToArray();

    private static ClusterSnapshot Previous() => Cluster("c", Host("c"), Host("r1"), Host("r2"), Host("w", Game(1)));

    [Fact]
    public void SameManifestsOtherDisks_PlansAsFromScratch()
    {
        var previous = Previous();
        Plan(previous);
        var nodes = previous.Nodes.Select(n => n with { DiskFree = ByteSize.FromGigabytes(500) }).ToArray();

        var shared = ClusterSnapshot.Create(nodes, previous.CanonicalStore).SharingIndexWith(previous);

        Assert.Equal(Plan(ClusterSnapshot.Create(nodes, previous.CanonicalStore)), Plan(shared));
    }

    /// <summary>A node's manifest gained a game: the old index lacks it, so sharing it would plan nothing for it.</summary>
    [Fact]
    public void OneManifestChanged_IndexNotShared_NewGameIsPlanned()
    {
        var previous = Previous();
        Plan(previous);
        var nodes = previous.Nodes.Select(n => n.Node.Value == "r1" ? n with { Manifest = ManifestOf("r1", Game(2)) } : n).ToArray();

        var plan = Plan(ClusterSnapshot.Create(nodes, previous.CanonicalStore).SharingIndexWith(previous));

        Assert.Equal(Plan(ClusterSnapshot.Create(nodes, previous.CanonicalStore)), plan);
        Assert.Contains(plan, t => t.Contains(Game(2).Path, System.StringComparison.Ordinal));
    }
}
