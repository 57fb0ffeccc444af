using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Network;

namespace RingRift.Bench;

/// <summary>
/// The simulator's event queue under the time spreads a 36-node cluster produces: of every 36 events,
/// 11 are same-provider deliveries (10–60 ms, tail to 120 ms), 24 cross-provider deliveries
/// (30 ms–1.3 s, tail to 2.6 s) and one a heartbeat wake 15 s ahead. <see cref="Pending"/> is how many
/// events wait in the queue: about a hundred in a healthy 36-node hour, tens of thousands with delayed
/// replays. Reported per operation (one schedule plus one pop).
/// </summary>
[MemoryDiagnoser]
public class EventQueueBench
{
    private const int OpsPerInvoke = 4096;
    private const int SameProviderPeers = 11;
    private EventQueue _queue = null!;
    private long[] _delays = null!;

    [Params(100, 10_000)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var prng = new Prng(BenchCluster.Seed);
        _queue = new EventQueue(Pending + OpsPerInvoke);
        _delays = new long[OpsPerInvoke];
        for (var i = 0; i < _delays.Length; i++) _delays[i] = RealisticDelay(prng);
        for (var i = 0; i < Pending; i++) _queue.Schedule(RealisticDelay(prng), EventKind.Deliver, i % BenchCluster.HostCount);
    }

    /// <summary>The classic "hold" model: pop the earliest event, schedule its follow-up; the queue size stays put.</summary>
    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public long PopThenSchedule()
    {
        var last = 0L;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            var item = _queue.Pop();
            last = item.Time;
            _queue.Schedule(last + _delays[i], item.Kind, item.Node, item.Peer);
        }
        return last;
    }

    /// <summary>A burst (a heartbeat round fanning out) scheduled first, then as many events popped.</summary>
    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public long ScheduleBurstThenDrain()
    {
        _queue.TryPeekTime(out var now);
        for (var i = 0; i < OpsPerInvoke; i++) _queue.Schedule(now + _delays[i], EventKind.Deliver, i % BenchCluster.HostCount);
        var last = 0L;
        for (var i = 0; i < OpsPerInvoke; i++) last = _queue.Pop().Time;
        return last;
    }

    private static long RealisticDelay(Prng prng)
    {
        var kind = prng.NextBelow(BenchCluster.HostCount);
        if (kind == 0) return MembershipConfig.Default.HeartbeatInterval.Micros;
        var spec = kind <= SameProviderPeers ? BenchCluster.Network.SameProvider : BenchCluster.Network.CrossProvider;
        return LatencyModel.SampleMicros(spec, prng);
    }
}
