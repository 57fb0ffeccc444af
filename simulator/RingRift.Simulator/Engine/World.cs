using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Network;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// One run of one scenario: the nodes, the network, the event queue in virtual time, the checkers and
/// the trace. Single-threaded and deterministic: every random choice comes from a stream forked from
/// the seed (one per node, one for the network), and events at equal times run in scheduling order.
/// </summary>
internal sealed partial class World
{
    private const int QueueCapacityMax = 50_000_000;
    private const string InvariantCheckName = "invariant";
    private readonly Scenario _scenario;
    private readonly EventQueue _queue = new(QueueCapacityMax);
    private readonly SimNetwork _network;
    private readonly SimNode[] _nodes;
    private readonly Dictionary<string, int> _indexByName = new(System.StringComparer.Ordinal);
    private readonly ImmutableArray<NodeProfile> _profiles;
    private readonly Checker[] _checkers;
    private readonly ViolationLog _violations = new();
    private readonly TraceRecorder _trace;
    private readonly TimelineRecorder? _timeline;
    private readonly List<string> _expectationFailures = new();
    private readonly RunCounters _counters = new();
    private readonly MembershipStats _stats;
    private readonly long _end;
    private readonly ulong _seed;
    private long _now;

    public World(Scenario scenario, RunOptions options)
    {
        _scenario = scenario;
        _end = scenario.Duration.Micros;
        _seed = options.Seed;
        _trace = new TraceRecorder(options.TraceLine);
        _timeline = options.RecordTimeline ? new TimelineRecorder(scenario) : null;
        var master = new Prng(options.Seed);
        _nodes = new SimNode[scenario.Hosts.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            var host = scenario.Hosts[i];
            _nodes[i] = new SimNode(i, host, master.Fork("node:" + host.Node.Value));
            _indexByName.Add(host.Node.Value, i);
        }
        _profiles = [.. scenario.Hosts.Select(h => h.Profile)];
        _network = new SimNetwork(_queue, master.Fork("network"), scenario.Hosts, scenario.Network);
        _stats = new MembershipStats(_nodes.Length);
        var t = scenario.ElectionTimings;
        ElectionConfig = KernelConfig.DefaultElection(_profiles) with
        {
            Lease = t.Lease, RenewInterval = t.RenewInterval, LeaderTimeout = t.LeaderTimeout,
            CandidateTimeout = t.CandidateTimeout, RankStep = t.RankStep, Jitter = t.Jitter, StartupGrace = t.StartupGrace,
            ClockStepMax = t.ClockStepMax,
        };
        Leases = new LeaseLedger(_nodes.Length);
        if (scenario.Workload is { } workload) _workload = new WorkloadModel(workload, master.Fork("workload"));
        // A recording timeline takes its GPU lanes from the job metrics, so they run even without a workload.
        if (_workload is not null || _timeline is not null)
            _jobMetrics = new JobMetrics([.. _profiles.Select(p => Scheduling.CapacityOf(p))], _workload?.Spec.WarmUp.Micros ?? 0, _timeline);
        InitSync(master);
        InitProvider(master);
        _checkers = CreateCheckers(scenario.Checks);
        foreach (var checker in _checkers) checker.Attach(_violations);
    }

    public int NodeCount => _nodes.Length;
    public IReadOnlyList<SimNode> Nodes => _nodes;
    public bool IsNetworkHealed => _network.Links.BlockedCount == 0 && _activeFlaps == 0;
    public long NetworkChangedAt { get; private set; }
    public ElectionConfig ElectionConfig { get; }
    public LeaseLedger Leases { get; }

    /// <summary>The last time the network or any node's run state changed.</summary>
    public long LastChangeAt
    {
        get
        {
            var last = NetworkChangedAt;
            foreach (var node in _nodes) last = System.Math.Max(last, node.StateSince);
            return last;
        }
    }

    /// <summary>
    /// How long after the last change one leader must be agreed on: the old lease lapsing at its voters
    /// (a lease after its last renewal, twice for a voter that restarted), the leader timeout, every
    /// better candidate's rank step, jitter, a few failed candidacies, and membership seeing the voters.
    /// </summary>
    public Duration LeadershipBound
    {
        get
        {
            var e = ElectionConfig;
            return e.VoterHonours * 2 + e.LeaderTimeout + e.RankStep * e.Candidates.Length + e.Jitter
                   + e.CandidateTimeout * 3 + ConvergenceBound(MemberState.Alive);
        }
    }

    public static bool CanHearDirectly(SimNode observer, SimNode peer) =>
        HeartbeatMembershipMachine.CanHearDirectly(observer.Host.Profile, peer.Host.Profile);

    public int IndexOf(NodeId id) => _indexByName[id.Value];

    public int JobSlotsOf(SimNode node) => KernelConfigFor(node, 0).JobSlotsMax;

    /// <summary>
    /// How long after a situation settles every node's view must reflect it, for the protocol that
    /// decides liveness in this scenario (see <see cref="HeartbeatBound"/> and <see cref="SwimBound"/>).
    /// </summary>
    /// <summary>
    /// True when suspicions are questions that the suspect answers (SWIM, hybrid): a live member's
    /// suspicion ends by refutation, so seeing it Suspect is not yet a failure to converge. Under
    /// heartbeats a suspicion is a long silence and is judged like any other state.
    /// </summary>
    public bool SuspicionIsTransient => _scenario.MembershipMode != MembershipMode.Heartbeat;

    public Duration ConvergenceBound(MemberState state) =>
        _scenario.MembershipMode == MembershipMode.Heartbeat ? HeartbeatBound(state) : SwimBound(state);

    /// <summary>
    /// Heartbeat mode. Alive: a peer's next heartbeat (at most one interval, after its boot persist)
    /// plus the slowest link; and since retired peers are only probed, a side that retired the other
    /// first waits for a probe (one every retired-probe interval, sent on a heartbeat round), which the
    /// other answers on its next round over the slowest link. Dead: the dead timeout from the last
    /// heartbeat, stretched 10 % for clock drift, plus the heartbeat delivery.
    /// </summary>
    private Duration HeartbeatBound(MemberState state)
    {
        var membership = _scenario.Membership;
        var delivery = membership.HeartbeatInterval * 2 + _network.LatencyMax + Duration.FromSeconds(1);
        return state == MemberState.Alive
            ? membership.RetiredProbeInterval + delivery + _network.LatencyMax
            : membership.DeadTimeout * 11 / 10 + delivery;
    }

    /// <summary>
    /// SWIM mode, with 10 % for clock drift. During the faults Lifeguard may have stretched a node's
    /// timeouts up to the awareness ceiling A; once healed, each successful probe lowers the score by
    /// one, so within A(A+1)/2 base periods every node is back to its base timing. Then the observer's
    /// round-robin order reaches any member within two passes (2n periods). Dead: its probe of the
    /// crashed member fails (a NAT-blocked one is suspected after the NAT silence instead) and the
    /// longest suspicion runs out, plus two periods for a verification probe. Alive: a live peer's
    /// suspicion ends the same way or sooner, refuted, and a peer held dead is told so by a dead probe
    /// (one member per dead-probe interval, n at most) or by the answer to its own ping within two of
    /// its passes, and refutes in its ack.
    /// </summary>
    private Duration SwimBound(MemberState state)
    {
        var swim = _scenario.Swim;
        var n = _nodes.Length;
        var recovery = swim.Period * (swim.AwarenessMax * (swim.AwarenessMax + 1) / 2);
        var rounds = swim.Period * (2 * n);
        var suspicion = swim.SuspicionMax(n) + swim.Period * 2;
        var reach = state == MemberState.Alive
            ? Duration.Max(rounds, swim.DeadProbeInterval * n)
            : Duration.Max(rounds, swim.NatSilence);
        return (recovery + reach + suspicion) * 11 / 10 + _network.LatencyMax * 4 + Duration.FromSeconds(1);
    }

    public RunReport Run()
    {
        try
        {
            foreach (var node in _nodes)
                if (!IsUnprovisioned(node)) Boot(node);
            ScheduleScenario();
            RunEvents();
        }
        catch (InvariantViolationException broken)
        {
            // A kernel or simulator invariant failing is a bug this run found: report it like any violation.
            _violations.Add(new Violation(InvariantCheckName, new Duration(_now), broken.Message));
        }
        if (!_violations.Any)
        {
            _now = _end;
            foreach (var checker in _checkers) checker.AtEnd(_now, this);
        }
        _stats.AtEnd(_now, _nodes);
        return Report();
    }

    private void RunEvents()
    {
        while (_queue.TryPeekTime(out var next) && next <= _end && !_violations.Any)
        {
            var item = _queue.Pop();
            _now = item.Time;
            _counters.Events++;
            Dispatch(item);
        }
    }

    private void Dispatch(in SimEvent item)
    {
        switch (item.Kind)
        {
            case EventKind.Deliver: OnDeliver(item); break;
            case EventKind.Wake: OnWake(item); break;
            case EventKind.EffectDone: OnEffectDone(item); break;
            case EventKind.Resume: OnResume(item); break;
            case EventKind.Timeline: Apply((TimelineEntry)item.Payload!); break;
            case EventKind.Flap: OnFlap(item); break;
            case EventKind.Expect: Evaluate((ExpectedView)item.Payload!); break;
            case EventKind.Operations: OnOperations(item); break;
            case EventKind.Provider: OnProviderEvent(item); break;
            case EventKind.LeaseCheck: OnLeaseCheck(item); break;
        }
    }

    private void ScheduleScenario()
    {
        foreach (var entry in _scenario.Timeline)
            _queue.Schedule(entry.At.Micros, EventKind.Timeline, 0, payload: entry);
        foreach (var view in _scenario.Expect.Views)
            _queue.Schedule(view.At.Micros, EventKind.Expect, 0, payload: view);
        ScheduleOperations();
    }

    private KernelConfig KernelConfigFor(SimNode node, ulong seed) =>
        new(node.Host.Profile, _profiles, _scenario.Membership, seed)
        {
            MembershipMode = _scenario.MembershipMode, Swim = _scenario.Swim, Election = ElectionConfig,
            Scheduling = _workload is null ? null : SchedulingFor(_workload.Spec),
            Sync = _syncConfig, Monitoring = _scenario.Monitoring, Scaling = _scenario.Scaling?.Policy,
            EloSyncInterval = _scenario.EloSyncInterval,
        };

    private Checker[] CreateCheckers(ImmutableArray<string> names)
    {
        var checkers = new List<Checker>();
        foreach (var name in names) checkers.Add(CreateChecker(name));
        return [.. checkers];
    }

    private Checker CreateChecker(string name) => name switch
    {
        CheckCatalog.IncarnationDurable => new IncarnationDurableChecker(),
        CheckCatalog.MembershipLifecycle => new MembershipLifecycleChecker(this),
        CheckCatalog.StableMembership => new StableMembershipChecker(),
        CheckCatalog.JobSlots => new JobSlotsChecker(this),
        CheckCatalog.MembershipConverges => new MembershipConvergesChecker(),
        CheckCatalog.LeaderPerEpoch => new LeaderPerEpochChecker(),
        CheckCatalog.LeaseExclusive => new LeaseExclusiveChecker(this),
        CheckCatalog.LeaderEligible => new LeaderEligibleChecker(this),
        CheckCatalog.LeaderConverges => new LeaderConvergesChecker(),
        CheckCatalog.StableLeadership => new StableLeadershipChecker(),
        CheckCatalog.JobExclusive => new JobExclusiveChecker(),
        CheckCatalog.JobCapacity => new JobCapacityChecker(this),
        CheckCatalog.JobFenced => new JobFencedChecker(),
        CheckCatalog.JobAccounted => new JobAccountedChecker(),
        CheckCatalog.IdleWithPending => new IdleWithPendingChecker(),
        CheckCatalog.GamesDurable => new GamesDurableChecker(this),
        CheckCatalog.CorruptRejected => new CorruptRejectedChecker(),
        CheckCatalog.GamesReachCanonical => new GamesReachCanonicalChecker(),
        CheckCatalog.ModelDistributed => new ModelDistributedChecker(),
        CheckCatalog.SelfplayModelFresh => new SelfplayModelFreshChecker(this),
        CheckCatalog.ScaleDownSafe => new ScaleDownSafeChecker(this),
        _ => throw new ScenarioException(_scenario.SourceName, 0, "unknown check " + name),
    };
}
