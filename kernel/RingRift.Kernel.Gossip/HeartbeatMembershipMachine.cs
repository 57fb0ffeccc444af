using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// Heartbeat membership: every interval, send this node's advertisement to each dialable peer; track
/// each peer Alive → Suspect → Dead → Retired by how long it has been silent on the local monotonic
/// clock, and back to Alive when it is heard again. Heartbeats carry the durable incarnation, so they
/// are sent only once that incarnation is persisted. Messages from an older incarnation, or older
/// than the latest heard from the same incarnation (reordered, replayed), are ignored: a dead peer is
/// revived only by something it sent after what we already have.
/// </summary>
public sealed partial class HeartbeatMembershipMachine : IMembershipMachine
{
    private readonly MembershipConfig _config;
    private readonly NodeProfile _self;
    private readonly long _incarnation;
    private readonly Outbox _outbox;
    private readonly List<PeerRecord> _peers = new();
    private readonly Dictionary<NodeId, PeerRecord> _byId = new();
    private readonly bool _judgesLiveness;
    private NodeLoad _load = NodeLoad.Idle;
    private Instant _nextHeartbeat;
    private Instant _nextTransitionDue = Instant.MaxValue;
    private long _sequence;
    private bool _roundOwed;
    private Instant _lastObserved;

    /// <param name="knownPeers">The configured cluster; each starts Alive as of <paramref name="now"/>,
    /// which gives every peer one suspect timeout to be heard before it is suspected.</param>
    /// <param name="firstHeartbeatDelay">Seeded jitter so that nodes started together do not beat in lockstep.</param>
    /// <param name="judgesLiveness">False in hybrid mode: heartbeats only carry advertisements, every peer
    /// stays Alive here and no liveness notice is emitted, because SWIM decides liveness.</param>
    public HeartbeatMembershipMachine(
        MembershipConfig config, NodeProfile self, IEnumerable<NodeProfile> knownPeers,
        long incarnation, Outbox outbox, Instant now, Duration firstHeartbeatDelay, bool judgesLiveness = true)
    {
        _judgesLiveness = judgesLiveness;
        _config = config;
        _self = self;
        _incarnation = incarnation;
        _outbox = outbox;
        foreach (var profile in knownPeers)
            if (profile.Node != self.Node && CanHearDirectly(self, profile)) AddPeer(profile, now);
        _peers.Sort(static (a, b) => a.Node.CompareTo(b.Node));
        _nextHeartbeat = now + firstHeartbeatDelay;
        _lastObserved = now;
        _nextTransitionDue = judgesLiveness ? now + config.SuspectTimeout : Instant.MaxValue;
    }

    /// <summary>Increases whenever anything <see cref="Snapshot"/> shows changes (a peer's state or incarnation, a new peer), so status snapshots are rebuilt only then.</summary>
    public int Version { get; private set; }

    public Instant NextDeadline => _judgesLiveness ? Instant.Min(_nextHeartbeat, _nextTransitionDue) : _nextHeartbeat;

    public int AlivePeerCount { get; private set; }

    public int PeerCount => _peers.Count;

    /// <summary>Updates what this node advertises in its next heartbeat.</summary>
    public void SetLoad(NodeLoad load) => _load = load;

    /// <summary>
    /// Two NAT-blocked nodes can never hear each other directly (neither can dial the other), so
    /// neither keeps the other in its heartbeat table, where it could only be declared dead.
    /// </summary>
    public static bool CanHearDirectly(NodeProfile self, NodeProfile peer) => !(self.NatBlocked && peer.NatBlocked);

    /// <summary>
    /// Called with the time of every step, before anything else. A running kernel is stepped at
    /// least once per heartbeat interval, so a longer gap means this node did not run (a
    /// stop-the-world pause, a suspended VM, a clock jump). The silence during the gap is this
    /// node's, not its peers': each peer is credited with the gap, so that a stall is never blamed
    /// on the peers, whose messages may be queued behind it.
    /// </summary>
    public void ObserveTime(Instant now)
    {
        var gap = now - _lastObserved;
        _lastObserved = now;
        if (gap <= _config.StallThreshold || !_judgesLiveness) return;
        foreach (var peer in _peers) peer.LastHeard += gap;
        _nextTransitionDue = now;
        _outbox.Notify(new LocalStallDetected(gap));
    }

    /// <summary>Advances timeouts and sends the heartbeat round if due.</summary>
    public void Tick(Instant now)
    {
        if (now >= _nextTransitionDue && _judgesLiveness) AdvanceTimeouts(now);
        if (now >= _nextHeartbeat || (_roundOwed && _outbox.AllDurable)) SendHeartbeats(now);
    }

    /// <summary>The current view of every peer, in node-id order.</summary>
    public ImmutableArray<MemberView> Snapshot()
    {
        var builder = ImmutableArray.CreateBuilder<MemberView>(_peers.Count);
        foreach (var peer in _peers) builder.Add(new MemberView(peer.Node, peer.State, peer.Incarnation));
        return builder.MoveToImmutable();
    }

    /// <summary>The state this node currently sees <paramref name="peer"/> in, or null if unknown.</summary>
    public MemberState? StateOf(NodeId peer) => _byId.TryGetValue(peer, out var record) ? record.State : null;

    private void AddPeer(NodeProfile profile, Instant now)
    {
        Invariant.True(_peers.Count < _config.PeerTableMax);
        var record = new PeerRecord(profile, now);
        _peers.Add(record);
        _byId.Add(profile.Node, record);
        AlivePeerCount++;
    }

    private void AdvanceTimeouts(Instant now)
    {
        var nextDue = Instant.MaxValue;
        foreach (var peer in _peers)
        {
            var state = _config.StateAfter(now - peer.LastHeard);
            // Timeouts only move a peer forward, one state at a time, so every step is reported.
            while (peer.State < state) ChangeState(peer, peer.State + 1);
            var leaving = _config.SilenceLeaving(state);
            if (leaving is { } silence) nextDue = Instant.Min(nextDue, peer.LastHeard + silence);
        }
        _nextTransitionDue = nextDue;
    }

    private void ChangeState(PeerRecord peer, MemberState to)
    {
        var from = peer.State;
        Invariant.True(from != to);
        peer.State = to;
        AlivePeerCount += CountsAsAlive(to) - CountsAsAlive(from);
        Version++;
        _outbox.Notify(new MemberStateChanged(peer.Node, from, to));
    }

    private static int CountsAsAlive(MemberState state) => state <= MemberState.Suspect ? 1 : 0;
}
