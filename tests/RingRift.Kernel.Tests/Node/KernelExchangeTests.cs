using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelExchangeTests
{
    private static readonly NodeId A = new("node-a");
    private static readonly NodeId B = new("node-b");
    private static readonly NodeId C = new("node-c");

    [Fact]
    public void ThreeNodes_HealthyNetwork_StayAliveAndLearnIncarnations()
    {
        var cluster = new MiniCluster("node-a", "node-b", "node-c");

        cluster.RunUntil(At(600));

        Assert.DoesNotContain(cluster.Notices, n => n.Notice is MemberStateChanged);
        Assert.Equal(360, cluster.Deliveries.Count(d => d.Message is Heartbeat));
        foreach (var name in new[] { "node-a", "node-b", "node-c" })
        {
            var status = cluster[name].TakeReady().Status;
            Assert.Equal((2, 2), (status.AlivePeers, status.TotalPeers));
            Assert.All(status.Members, m => Assert.Equal((MemberState.Alive, 1L), (m.State, m.Incarnation)));
        }
    }

    [Fact]
    public void Crash_IsSeenByEveryPeerAtExactTimeoutsAfterItsLastHeartbeat()
    {
        var cluster = new MiniCluster("node-a", "node-b", "node-c");
        cluster.RunUntil(At(100));
        cluster.Crash(C);
        var lastBeat = LastHeartbeatFrom(cluster, C);

        cluster.RunUntil(At(400));

        foreach (var observer in new[] { A, B })
        {
            var seen = cluster.Notices
                .Where(n => n.Node == observer && n.Notice is MemberStateChanged { Peer.Value: "node-c" })
                .Select(n => (n.At - lastBeat, ((MemberStateChanged)n.Notice).To))
                .ToArray();
            Assert.Equal(
                [
                    (Duration.FromSeconds(30), MemberState.Suspect),
                    (Duration.FromSeconds(60), MemberState.Dead),
                    (Duration.FromSeconds(100), MemberState.Retired),
                ],
                seen);
        }
    }

    [Fact]
    public void Restart_AfterCrash_IsSeenAsRestartedAndAlive()
    {
        var cluster = new MiniCluster("node-a", "node-b", "node-c");
        cluster.RunUntil(At(100));
        cluster.Crash(C);
        cluster.RunUntil(At(150));

        cluster.Start(C);
        cluster.RunUntil(At(200));

        Assert.Equal(2, cluster["node-c"].Incarnation);
        foreach (var observer in new[] { A, B })
        {
            Assert.Contains((observer, (Notice)new PeerRestarted(C, 1, 2)), cluster.Notices.Select(n => (n.Node, n.Notice)));
            Assert.Equal(new MemberView(C, MemberState.Alive, 2), cluster[observer.Value].TakeReady().Status.Members[1]);
        }
    }

    private static Instant LastHeartbeatFrom(MiniCluster cluster, NodeId node) =>
        cluster.Deliveries.Last(d => d.From == node && d.Message is Heartbeat).At;
}
