using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Network;

/// <summary>
/// The simulated network. Decides at send time whether and when each message arrives: cut links and
/// unsolicited messages to NAT-blocked nodes are dropped, then loss, latency by link class (plus any
/// <c>link_delay</c> of either end),
/// duplication, reordering and delayed replay of old messages, each drawn from the network's own
/// seeded stream. Messages already in flight when a link is cut still arrive; replays do not.
/// </summary>
internal sealed class SimNetwork
{
    private const int ReplayMemory = 256;
    private readonly EventQueue _queue;
    private readonly Prng _prng;
    private readonly ImmutableArray<HostSpec> _hosts;
    private readonly Envelope[] _recent = new Envelope[ReplayMemory];
    private int _recentCount;
    private int _recentNext;

    public SimNetwork(EventQueue queue, Prng prng, ImmutableArray<HostSpec> hosts, NetworkSpec spec)
    {
        _queue = queue;
        _prng = prng;
        _hosts = hosts;
        Spec = spec;
        Links = new LinkTable(hosts.Length);
        Delays = new LinkDelays(hosts.Length);
    }

    public NetworkSpec Spec { get; set; }
    public LinkTable Links { get; }
    public LinkDelays Delays { get; }
    public NetworkCounters Counters { get; } = new();

    /// <summary>The longest one-way latency any link can show.</summary>
    public Duration LatencyMax => Duration.Max(LatencyModel.Max(Spec.NatRelay),
        Duration.Max(LatencyModel.Max(Spec.SameProvider), LatencyModel.Max(Spec.CrossProvider)));

    public void Send(long now, int from, int to, Message message, bool isResponse)
    {
        Counters.Sent++;
        if (Links.IsBlocked(from, to)) { Counters.DroppedBlocked++; return; }
        if (!isResponse && _hosts[to].Profile.NatBlocked) { Counters.DroppedNat++; return; }
        if (Spec.Loss.Sample(_prng)) { Counters.DroppedLoss++; return; }
        var envelope = new Envelope(from, to, message, isResponse);
        Schedule(now, envelope);
        if (Spec.Duplicate.Sample(_prng))
        {
            Counters.Duplicated++;
            Schedule(now, envelope);
        }
        Remember(envelope);
        if (Spec.Replay.Sample(_prng)) ReplayOldMessage(now);
    }

    private void Schedule(long now, in Envelope envelope)
    {
        var latency = LatencyModel.SampleMicros(LinkClass(envelope.From, envelope.To), _prng)
            + Delays.ExtraMicros(now, envelope.From) + Delays.ExtraMicros(now, envelope.To);
        if (Spec.Reorder.Sample(_prng))
        {
            Counters.Reordered++;
            latency += _prng.NextDuration(Duration.Zero, Spec.ReorderDelayMax).Micros;
        }
        _queue.Schedule(now + latency, EventKind.Deliver, envelope.To, envelope.From,
            envelope.IsResponse ? 1 : 0, envelope.Message);
    }

    private LatencySpec LinkClass(int from, int to)
    {
        var a = _hosts[from].Profile;
        var b = _hosts[to].Profile;
        if (a.NatBlocked || b.NatBlocked) return Spec.NatRelay;
        return a.Provider == b.Provider ? Spec.SameProvider : Spec.CrossProvider;
    }

    private void Remember(in Envelope envelope)
    {
        _recent[_recentNext] = envelope;
        _recentNext = (_recentNext + 1) % ReplayMemory;
        if (_recentCount < ReplayMemory) _recentCount++;
    }

    /// <summary>
    /// A copy of some earlier message arrives much later, as a stale retransmission would; but never
    /// across a link that is cut now, since a retransmission travels the same path as the original.
    /// </summary>
    private void ReplayOldMessage(long now)
    {
        var old = _recent[(int)_prng.NextBelow((ulong)_recentCount)];
        var delay = _prng.NextDuration(Duration.Zero, Spec.ReplayDelayMax).Micros;
        if (Links.IsBlocked(old.From, old.To)) return;
        Counters.Replayed++;
        _queue.Schedule(now + delay, EventKind.Deliver, old.To, old.From, old.IsResponse ? 1 : 0, old.Message);
    }
}
