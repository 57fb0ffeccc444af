using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Bench;

/// <summary>
/// <c>KernelNode.Step</c> for one gossip message, plus the <c>TakeReady</c> a host does after every step,
/// on a kernel in its steady state: booted, incarnation durable, its gossip table holding the 36 peers' entries.
/// <see cref="StepDeliverAgreeingDigest"/>: a peer's digest of the same table (the steady state: both
/// sides agree, nothing to answer). <see cref="StepDeliverStaleDelta"/>: a delta whose entry the table
/// already holds (a duplicate or an older version, merged and refused). Inputs are built once and reused.
/// </summary>
[MemoryDiagnoser]
public class KernelGossipStepBench
{
    private KernelNode _node = null!;
    private Deliver _digest = null!;
    private Deliver _staleDelta = null!;
    private Instant _now;

    [GlobalSetup]
    public void Setup()
    {
        var peers = BenchCluster.Hosts();
        _now = Instant.Zero;
        var config = new KernelConfig(BenchCluster.Observer, [BenchCluster.Observer, .. peers], MembershipConfig.Default, BenchCluster.Seed);
        _node = new KernelNode(config, PersistentState.Empty, _now);
        var persist = (Persist)_node.TakeReady().Effects[0];
        _node.Step(_now, new EffectCompleted(persist.Id, Persisted.Instance));
        var entries = ImmutableArray.CreateBuilder<NodeStateEntry>(peers.Length);
        foreach (var peer in peers) entries.Add(new NodeStateEntry(peer.Node, 1, 1, NodeSummary.Idle with { Load = BenchCluster.BusyLoad }));
        var from = peers[0].Node;
        _node.Step(_now, new Deliver(from, new GossipDelta(entries.ToImmutable(), null)));
        _node.TakeReady();
        var page = _node.Gossip.Page(null, null, GossipConfig.Default.DigestBytesMax);
        if (page.Items.Length < peers.Length)
            throw new System.InvalidOperationException($"the gossip table holds {page.Items.Length} entries, expected {peers.Length + 1}");
        _digest = new Deliver(from, new GossipDigest(page));
        _staleDelta = new Deliver(from, new GossipDelta([entries[5]], null));
        Invariant.True(StepDeliverAgreeingDigest() == 0);
        Invariant.True(StepDeliverStaleDelta() == 0);
    }

    [Benchmark]
    [AllocationBudget(0)]
    public int StepDeliverAgreeingDigest()
    {
        _node.Step(_now, _digest);
        return _node.TakeReady().Messages.Count;
    }

    [Benchmark]
    [AllocationBudget(0)]
    public int StepDeliverStaleDelta()
    {
        _node.Step(_now, _staleDelta);
        return _node.TakeReady().Messages.Count;
    }
}
