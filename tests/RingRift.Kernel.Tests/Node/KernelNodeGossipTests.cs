using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeGossipTests
{
    private static readonly string[] Names = ["node-a", "node-b", "node-c"];

    [Fact]
    public void ThreeNodes_AfterAFewRounds_EachHoldsEveryNodesEntry()
    {
        var cluster = new MiniCluster(Names);

        cluster.RunUntil(At(60));

        foreach (var name in Names)
            Assert.Equal(
                [("node-a", 1L), ("node-b", 1L), ("node-c", 1L)],
                cluster[name].Gossip.Entries().Select(e => (e.Node.Value, e.Incarnation)));
    }

    [Fact]
    public void OwnLoad_ObservedAndJobs_ReachesThePeers()
    {
        var cluster = new MiniCluster(Names);
        cluster.RunUntil(At(60));
        var sample = ResourceSample.Idle with { CpuBusy = Ratio.FromPercent(55), DiskFree = ByteSize.FromGigabytes(700) };

        cluster.Input("node-b", new Observed(sample));
        cluster.Input("node-b", new Submit(new RequestId(1), new LaunchJob(new JobSpec(new JobId("sp-1"), JobKind.Selfplay, "square8_2p", 1))));
        cluster.RunUntil(At(120));

        Assert.True(cluster["node-c"].Gossip.TryGet(new NodeId("node-b"), out var seen));
        Assert.Equal(new NodeLoad(1, 0, 0, sample), seen.Summary.Load);
        Assert.Equal((null, 0L), (seen.Summary.Leader, seen.Summary.LeaderEpoch));
    }

    [Fact]
    public void Restart_NewIncarnationsEntry_ReplacesTheOldOneEverywhere()
    {
        var cluster = new MiniCluster(Names);
        cluster.RunUntil(At(60));
        cluster.Crash(new NodeId("node-c"));
        cluster.RunUntil(At(80));

        cluster.Start(new NodeId("node-c"));
        cluster.RunUntil(At(140));

        foreach (var name in Names)
        {
            Assert.True(cluster[name].Gossip.TryGet(new NodeId("node-c"), out var entry));
            Assert.Equal(2, entry.Incarnation);
        }
    }

    [Fact]
    public void Gossip_NeverTargetsANatBlockedPeer()
    {
        var cluster = Profiles.Cluster("node-a", "node-b", "node-c").Add(Profiles.Gpu("node-nat", natBlocked: true));
        var rig = NodeRig.Durable(Configs.KernelFor("node-a", cluster));

        var sent = rig.RunUntil(At(600)).SelectMany(s => s.Ready.Messages).Where(m => m.Message is GossipDigest).ToArray();

        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, m => m.To.Value == "node-nat");
    }

    [Fact]
    public void NextDeadline_WakesTheNodeForEachGossipRound()
    {
        // Heartbeats every 14 s would never land on gossip's 10-15 s rounds by chance.
        var rig = NodeRig.Durable(Configs.Kernel() with { Membership = Configs.Membership with { HeartbeatInterval = Duration.FromSeconds(14) } });

        // B and C are never heard, so they are dead after 60 s and later rounds have no targets.
        var rounds = rig.RunUntil(At(60)).Where(s => s.Ready.Messages.Any(m => m.Message is GossipDigest)).Select(s => s.At).ToArray();

        Assert.Equal(4, rounds.Length);
        for (var i = 1; i < rounds.Length; i++) Assert.InRange((rounds[i] - rounds[i - 1]).Micros, 10_000_000, 14_999_999);
    }

    [Fact]
    public void Validate_GossipPayloadAboveTheCodecsLimit_NamesIt()
    {
        var config = Configs.Kernel() with { Gossip = GossipConfig.Default with { PayloadBytesMax = MessageCodec.MaxMessageBytes + 1 } };

        Assert.Equal(["gossip_payload_bytes_max (65537) must not exceed the codec's 65536"], config.Validate());
    }

    [Fact]
    public void Validate_ClusterLargerThanTheGossipTable_NamesIt()
    {
        var config = Configs.Kernel() with { Gossip = GossipConfig.Default with { EntriesMax = 2 } };

        Assert.Equal(["the cluster has 3 hosts but gossip_entries_max is 2"], config.Validate());
    }

    [Fact]
    public void Validate_InvalidGossipConfig_IsReportedByTheKernelConfig()
    {
        var config = Configs.Kernel() with { Gossip = GossipConfig.Default with { Fanout = 0 } };

        Assert.Equal(["gossip_fanout must be at least 1 (got 0)"], config.Validate());
    }
}
