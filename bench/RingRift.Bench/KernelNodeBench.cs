using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Bench;

/// <summary>
/// A whole kernel in its steady state: booted, its incarnation durable, every one of 36 peers heard,
/// receiving a heartbeat and handing back its Ready as a host does after every step. Reported per
/// delivered heartbeat. <see cref="StepDeliverHeartbeat"/> reuses the input, measuring the kernel
/// alone; <see cref="StepDeliverFreshHeartbeat"/> allocates the message and the Deliver record per
/// step, as the simulator and a decoding host do.
/// </summary>
[MemoryDiagnoser]
public class KernelNodeBench
{
    private KernelNode _node = null!;
    private HeartbeatFeed _feed = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        _feed = new HeartbeatFeed(BenchCluster.Hosts());
        _now = Instant.Zero;
        var config = new KernelConfig(BenchCluster.Observer, [BenchCluster.Observer, .. _feed.Peers], MembershipConfig.Default, BenchCluster.Seed);
        _node = new KernelNode(config, PersistentState.Empty, _now);
        var persist = (Persist)_node.TakeReady().Effects[0];
        _node.Step(_now, new EffectCompleted(persist.Id, Persisted.Instance));
        _now += MembershipConfig.Default.HeartbeatInterval;
        _node.Step(_now, Wake.Instance);
        _node.TakeReady();
        StepDeliverHeartbeat();
    }

    [Benchmark(OperationsPerInvoke = BenchCluster.HostCount)]
    [AllocationBudget(0)]
    public int StepDeliverHeartbeat()
    {
        var messages = 0;
        for (var i = 0; i < _feed.Count; i++) messages += StepAndTakeReady(_feed.NextDeliver(i));
        return messages;
    }

    [Benchmark(OperationsPerInvoke = BenchCluster.HostCount)]
    [AllocationBudget(104, "measured 96, the input only: a Heartbeat (56 B) and its Deliver record (40 B); the kernel adds nothing")]
    public int StepDeliverFreshHeartbeat()
    {
        var messages = 0;
        for (var i = 0; i < _feed.Count; i++) messages += StepAndTakeReady(_feed.Fresh(i));
        return messages;
    }

    private int StepAndTakeReady(Deliver input)
    {
        _node.Step(_now, input);
        return _node.TakeReady().Messages.Count;
    }
}
