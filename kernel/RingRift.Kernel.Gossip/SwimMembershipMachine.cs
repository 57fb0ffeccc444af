using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// SWIM membership with Lifeguard (Das, Gupta, Motivala 2002; Dadgar et al. 2018), over the configured
/// cluster. Each protocol period this node pings the next member of a shuffled round-robin order; with no
/// ack within the probe timeout it asks k random members to ping it on its behalf; with no ack by the end
/// of the period it suspects the member and says so on the messages it sends (each update piggybacked a
/// bounded number of times). A suspicion lasts from the minimum to the maximum suspicion timeout, shorter
/// the more independent accusers confirm it, then the member is Dead, and Retired after the retire timeout.
/// </summary>
/// <remarks>
/// <para>Incarnations are (boot count, refutation): a suspected node refutes by bumping the volatile
/// refutation counter above the suspicion's, and a restart, with its higher durable boot count,
/// outranks every refutation of the earlier life. Every message states the sender's incarnation, so
/// nothing is sent until the boot count in it is durable (the state version passed in, or any later one).</para>
/// <para>Lifeguard: a local health score stretches this node's period, probe timeout, suspicion timeouts
/// and NAT silence (see <see cref="LocalHealth"/>), and every message to a member this node suspects or
/// holds dead carries that verdict, so the member hears of it at once and can refute.</para>
/// <para>Members are configured, not joined, so a node may accuse a member it has never heard from, at
/// the unknown incarnation below every real one. Two rules keep such an accusation from killing a live
/// member (memberlist avoids it with a full state exchange at join and every 30 s): a node that knows a
/// newer incarnation answers an older accusation by gossiping the newer alive, and a suspicion that
/// runs out without one independent confirmation is verified by a probe of this node's own before it
/// becomes a death.</para>
/// <para>NAT: a NAT-blocked member cannot be dialled, so it is never probed, never asked to relay, and
/// never judged by probes. It pings members itself every period (their acks come back as responses); each
/// ping is its beat, which the receiver gossips. Members suspect a NAT-blocked member only when its beat
/// has not advanced for the NAT silence, so it is never declared dead because nobody can dial it. A
/// NAT-blocked node judges nobody: behind a relay, its own silence says nothing about others. Two
/// NAT-blocked nodes never hear each other and keep each other out of their tables
/// (<see cref="HeartbeatMembershipMachine.CanHearDirectly"/>).</para>
/// <para>Single-threaded, deterministic: every random choice comes from the <see cref="Prng"/> passed in.</para>
/// </remarks>
public sealed partial class SwimMembershipMachine : IMembershipMachine
{
    /// <summary>Relayed pings in flight at once; a ping-req beyond this is not served (its requester misses a nack).</summary>
    public const int RelaysMax = 64;

    private readonly SwimConfig _config;
    private readonly NodeProfile _self;
    private readonly Outbox _outbox;
    private readonly Prng _prng;
    private readonly long _incarnationVersion;
    private readonly List<SwimMember> _members = new();
    private readonly Dictionary<NodeId, SwimMember> _byId = new();
    private readonly List<SwimMember> _probeOrder = new();
    private readonly SwimGossipQueue _gossip;
    private readonly LocalHealth _health;
    private readonly SwimProbe _probe = new();
    private readonly List<SwimRelay> _relays = new();
    private readonly List<SwimUpdate> _piggyback = new();
    private readonly List<SwimMember> _candidates = new();
    private readonly List<SwimMember> _verifications = new();
    private readonly Duration[] _suspicionTimeouts;
    private readonly int _retransmitLimit;
    private SwimIncarnation _incarnation;
    private long _sequence;
    private int _probeCursor;
    private int _deadProbeCursor;
    private int _deadDialable;
    private Instant _nextPeriod;
    private Instant _nextDeadProbe;
    private Instant _nextTimerDue;
    private Instant _lastObserved;

    /// <param name="knownPeers">The configured cluster; each member starts Alive at an unknown incarnation.</param>
    /// <param name="bootCount">This node's durable boot count: its incarnation is (bootCount, 0).</param>
    /// <param name="incarnationVersion">The <see cref="PersistentState.Version"/> whose persist makes the boot count durable; nothing is sent before the outbox reports it (or a later version) durable.</param>
    /// <param name="prng">Seeds the first period's offset, the probe order and the indirect probers.</param>
    public SwimMembershipMachine(
        SwimConfig config, NodeProfile self, IEnumerable<NodeProfile> knownPeers, long bootCount, long incarnationVersion,
        int peerTableMax, Outbox outbox, Prng prng, Instant now)
    {
        _config = config;
        _self = self;
        _outbox = outbox;
        _prng = prng;
        _incarnationVersion = incarnationVersion;
        _incarnation = new SwimIncarnation(bootCount, 0);
        foreach (var profile in knownPeers)
            if (profile.Node != self.Node && HeartbeatMembershipMachine.CanHearDirectly(self, profile)) AddMember(profile, now, peerTableMax);
        _members.Sort(static (a, b) => a.Node.CompareTo(b.Node));
        var clusterSize = _members.Count + 1;
        _retransmitLimit = config.RetransmitLimit(clusterSize);
        _suspicionTimeouts = new Duration[config.SuspicionConfirmations(clusterSize) + 1];
        for (var c = 0; c < _suspicionTimeouts.Length; c++) _suspicionTimeouts[c] = config.SuspicionTimeout(clusterSize, c);
        _gossip = new SwimGossipQueue(2 * (peerTableMax + 1));
        _health = new LocalHealth(config.AwarenessMax);
        foreach (var member in _members)
            if (member.IsDialable) _probeOrder.Add(member);
        _nextPeriod = now + prng.NextDuration(Duration.Zero, config.Period - Duration.FromMicros(1));
        Shuffle(_probeOrder);
        _nextDeadProbe = now + config.DeadProbeInterval;
        _nextTimerDue = now;
        _lastObserved = now;
        AlivePeerCount = _members.Count;
    }

    public int Version { get; private set; }

    public int AlivePeerCount { get; private set; }

    public int PeerCount => _members.Count;

    /// <summary>This node's incarnation as it states it now.</summary>
    public SwimIncarnation Incarnation => _incarnation;

    /// <summary>Lifeguard's local health score (0 = healthy); timeouts are stretched by score + 1.</summary>
    public int HealthScore => _health.Score;

    /// <summary>Updates waiting to be piggybacked.</summary>
    public int PendingUpdates => _gossip.Count;

    /// <summary>The protocol period as stretched by local health now.</summary>
    public Duration CurrentPeriod => _health.Scale(_config.Period);

    /// <summary>
    /// A step gap longer than two stretched periods means this node did not run: the machine asks for a
    /// step at least once per stretched period, and health falls by at most one step per period, so a
    /// host that honours deadlines never leaves such a gap.
    /// </summary>
    public Duration StallThreshold => CurrentPeriod * 2;

    public Instant NextDeadline
    {
        get
        {
            var next = Instant.Min(_nextPeriod, Instant.Min(_nextDeadProbe, _nextTimerDue));
            if (_probe.AwaitsIndirect) next = Instant.Min(next, _probe.IndirectAt);
            foreach (var relay in _relays) next = Instant.Min(next, relay.Deadline);
            return next;
        }
    }

    private bool IncarnationDurable => _outbox.DurableVersion >= _incarnationVersion;

    /// <summary>SWIM carries no load: in hybrid mode the heartbeats advertise it.</summary>
    public void SetLoad(NodeLoad load) { }

    public ImmutableArray<MemberView> Snapshot()
    {
        var builder = ImmutableArray.CreateBuilder<MemberView>(_members.Count);
        foreach (var member in _members) builder.Add(new MemberView(member.Node, member.State, member.Incarnation.Boot));
        return builder.MoveToImmutable();
    }

    public MemberState? StateOf(NodeId peer) => _byId.TryGetValue(peer, out var member) ? member.State : null;

    /// <summary>The incarnation this node knows <paramref name="peer"/> by, or null if it is not a member.</summary>
    public SwimIncarnation? IncarnationOf(NodeId peer) => _byId.TryGetValue(peer, out var member) ? member.Incarnation : null;

    /// <summary>
    /// Called with the time of every step, before anything else. A gap beyond <see cref="StallThreshold"/>
    /// was this node's own stall: the probe it could not wait for is dropped without a verdict, every
    /// suspicion, retirement and NAT silence is credited with the gap, and local health worsens.
    /// </summary>
    public void ObserveTime(Instant now)
    {
        var gap = now - _lastObserved;
        _lastObserved = now;
        if (gap > StallThreshold) CreditStall(now, gap);
    }

    /// <summary>Expires relays, runs the indirect round and the period when due, probes a dead member, fires member timers.</summary>
    public void Tick(Instant now)
    {
        if (_relays.Count > 0) ExpireRelays(now);
        if (_probe.AwaitsIndirect && now >= _probe.IndirectAt) SendIndirect();
        if (now >= _nextPeriod) StartPeriod(now);
        if (now >= _nextDeadProbe) ProbeDead(now);
        if (now >= _nextTimerDue) AdvanceTimers(now);
    }

    private void AddMember(NodeProfile profile, Instant now, int peerTableMax)
    {
        Invariant.True(_members.Count < peerTableMax);
        var member = new SwimMember(profile, now);
        _members.Add(member);
        _byId.Add(profile.Node, member);
    }

    private void ChangeState(SwimMember member, MemberState to)
    {
        var from = member.State;
        Invariant.True(from != to);
        member.State = to;
        member.Verifying = false;
        AlivePeerCount += CountsAsAlive(to) - CountsAsAlive(from);
        if (member.IsDialable) _deadDialable += CountsAsAlive(from) - CountsAsAlive(to);
        Version++;
        _outbox.Notify(new MemberStateChanged(member.Node, from, to));
    }

    private static int CountsAsAlive(MemberState state) => state <= MemberState.Suspect ? 1 : 0;

    private void AdjustHealth(Instant now, int delta)
    {
        if (!_health.Apply(delta)) return;
        // Every stretched deadline moved; let the next tick recompute them.
        _nextTimerDue = now;
        _outbox.Notify(new LocalHealthChanged(_health.Score));
    }
}
