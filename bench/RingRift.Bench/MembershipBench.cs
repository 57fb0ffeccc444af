using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;

namespace RingRift.Bench;

/// <summary>
/// The heartbeat membership machine with a 36-peer table, driven directly through its
/// <see cref="Outbox"/>. <see cref="OnHeartbeat"/> is the steady state (each heartbeat newer than the
/// last, no state change), reported per heartbeat. <see cref="TickSuspectThenRecover"/> is one cycle
/// with every transition the table can make in it: 91 s of silence, a Tick that suspects all 36 peers
/// and sends the heartbeat round, then a heartbeat from each that brings it back Alive, then the drain
/// a host's TakeReady would do.
/// </summary>
[MemoryDiagnoser]
public class MembershipBench
{
    private static readonly Duration _silence = MembershipConfig.Default.SuspectTimeout + Duration.FromSeconds(1);
    private Outbox _outbox = null!;
    private HeartbeatMembershipMachine _machine = null!;
    private HeartbeatFeed _feed = null!;
    private NodeStatus _status = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        _feed = new HeartbeatFeed(BenchCluster.Hosts());
        _outbox = new Outbox(heldMessagesMax: 4096);
        _now = Instant.Zero + Duration.FromSeconds(1);
        _machine = new HeartbeatMembershipMachine(
            MembershipConfig.Default, BenchCluster.Observer, _feed.Peers, HeartbeatFeed.Incarnation, _outbox, _now, Duration.Zero);
        _status = new NodeStatus(BenchCluster.Observer.Node, HeartbeatFeed.Incarnation, NodeRole.Follower, null, 0, 0, 0, 0, []);
        _machine.Tick(_now);
        HearEveryPeer();
        _outbox.Drain(null, _status);
    }

    [Benchmark(OperationsPerInvoke = BenchCluster.HostCount)]
    [AllocationBudget(0)]
    public int OnHeartbeat()
    {
        HearEveryPeer();
        return _machine.AlivePeerCount;
    }

    [Benchmark]
    [AllocationBudget(4_300, "measured 3,920: 72 MemberStateChanged notices (2,304 B), the drained Outbound[36] (888 B) and Notice[72] (600 B), " +
        "the Ready (64 B) and the round's Heartbeat (56 B)")]
    public int TickSuspectThenRecover()
    {
        _now += _silence;
        _machine.Tick(_now);
        HearEveryPeer();
        return _outbox.Drain(null, _status).Notices.Count;
    }

    private void HearEveryPeer()
    {
        for (var i = 0; i < _feed.Count; i++) _machine.OnHeartbeat(_now, _feed.Peers[i].Node, _feed.Next(i));
    }
}
