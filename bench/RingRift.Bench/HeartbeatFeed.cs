using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;

namespace RingRift.Bench;

/// <summary>
/// One heartbeat per peer, each handed out again and again with a higher sequence number, so a
/// receiver stays in its steady state (every heartbeat newer than the last) without the benchmark
/// allocating a message per operation. The sequence is bumped in place: receivers keep the profile
/// and load a heartbeat carries, never the heartbeat itself, so rewriting it after delivery is
/// unobservable to them. Benchmarks that want the allocation of a fresh message use
/// <see cref="Fresh"/>.
/// </summary>
internal sealed class HeartbeatFeed
{
    public const long Incarnation = 1;
    private readonly Heartbeat[] _heartbeats;
    private readonly Deliver[] _delivers;
    private long _sequence;

    public HeartbeatFeed(ImmutableArray<NodeProfile> peers)
    {
        Peers = peers;
        _heartbeats = new Heartbeat[peers.Length];
        _delivers = new Deliver[peers.Length];
        for (var i = 0; i < peers.Length; i++)
        {
            _heartbeats[i] = new Heartbeat(Incarnation, 0, peers[i], BenchCluster.BusyLoad, WantsAck: false);
            _delivers[i] = new Deliver(peers[i].Node, _heartbeats[i]);
        }
    }

    public ImmutableArray<NodeProfile> Peers { get; }

    public int Count => _heartbeats.Length;

    /// <summary>Peer <paramref name="index"/>'s heartbeat, newer than any it handed out before.</summary>
    public Heartbeat Next(int index)
    {
        var heartbeat = _heartbeats[index];
        SequenceOf(heartbeat) = ++_sequence;
        return heartbeat;
    }

    /// <summary>The same, wrapped in its (reused) <see cref="Deliver"/> input.</summary>
    public Deliver NextDeliver(int index)
    {
        Next(index);
        return _delivers[index];
    }

    /// <summary>A newly allocated heartbeat and input, as a host decoding a datagram produces.</summary>
    public Deliver Fresh(int index)
    {
        var peer = Peers[index];
        return new Deliver(peer.Node, new Heartbeat(Incarnation, ++_sequence, peer, BenchCluster.BusyLoad, WantsAck: false));
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "<Sequence>k__BackingField")]
    private static extern ref long SequenceOf(Heartbeat heartbeat);
}
