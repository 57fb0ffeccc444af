using System.Collections.Immutable;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Kernel.Node;

/// <summary>
/// One node's kernel, sans-IO. Hosts call <see cref="Step"/> with each input and the local monotonic
/// time, then <see cref="TakeReady"/> to collect what to do. It only routes: inputs go to the machines,
/// the machines write to one <see cref="Outbox"/>. Single-threaded; times passed to Step never decrease.
/// A new instance starts a new incarnation: it persists the bumped boot count first, and every
/// message that carries the incarnation waits for that persist.
/// </summary>
public sealed partial class KernelNode
{
    private readonly KernelConfig _config;
    private readonly Outbox _outbox;
    private readonly MembershipMachines _membership;
    private readonly LocalJobsMachine _jobs;
    private readonly DurableStateKeeper _durable;
    private readonly ElectionMachine _election;
    private readonly GossipMachine _gossip;
    private readonly GossipPeers _gossipPeers;
    private readonly DispatchMachine? _dispatch;
    private readonly JobWorkerMachine? _worker;
    private readonly LeaderHint _leaderHint;
    private ResourceSample _resources = ResourceSample.Idle;
    private bool _loadStale = true;
    private int _loadJobsVersion;
    private int _publishedElectionVersion = -1;
    private Instant _lastNow;
    private NodeStatus? _status;
    private long _statusVersion = -1;

    public KernelNode(KernelConfig config, PersistentState restored, Instant now)
    {
        var errors = config.Validate();
        if (errors.Count > 0) throw new KernelConfigException(errors);
        _config = config;
        _lastNow = now;
        _outbox = new Outbox(config.HeldMessagesMax);
        _durable = new DurableStateKeeper(restored, _outbox, config.PersistRetryDelay);
        var prng = new Prng(config.Seed);
        _jobs = new LocalJobsMachine(config.JobSlotsMax, _outbox);
        _membership = new MembershipMachines(config, Incarnation, _durable.State.Version, _outbox, prng, now);
        _gossip = new GossipMachine(config.Gossip, config.Self.Node, Incarnation, _outbox, now, prng.Fork("gossip"));
        _gossipPeers = new GossipPeers(config.Cluster);
        _outbox.Notify(new NodeStarted(Incarnation));
        _durable.PersistNow();
        _election = new ElectionMachine(
            config.Election, config.Self.Node, config.DriftBoundPpm, DialablePeers(config), _outbox, _durable,
            prng.Fork("election"), now);
        _leaderHint = new LeaderHint(config.Election.Candidates);
        if (config.Scheduling is { } scheduling)
        {
            _dispatch = new DispatchMachine(scheduling, config.Self.Node, config.Cluster, _outbox, _durable, prng.Fork("dispatch"), config.DriftBoundPpm);
            _worker = new JobWorkerMachine(scheduling, scheduling.CapacityOf(config.Self), _jobs, _outbox, _durable.State.Pipeline, Incarnation, _durable);
        }
        if (config.Sync is { } sync) _sync = new Sync.SyncMachine(sync, config.Self.Node, config.Cluster, _outbox, now);
        HoldSelfplayOnStaleModels();
        InitMonitoring(config, now);
        _scaling = CreateScaling(config, _dispatch, _outbox);
        _elo = CreateElo(config, _outbox);
    }

    /// <summary>The leader side of dispatch, for read-only inspection; null when scheduling is off.</summary>
    public DispatchMachine? Dispatch => _dispatch;

    /// <summary>The worker side of dispatch, for read-only inspection; null when scheduling is off.</summary>
    public JobWorkerMachine? Worker => _worker;

    public NodeId Id => _config.Self.Node;

    public long Incarnation => _durable.State.BootCount;

    /// <summary>Read-only inspection for checkers and tests: the view of whichever protocol decides liveness.</summary>
    public IMembershipView Membership => _membership;

    /// <summary>The SWIM machine in swim and hybrid modes, for tests; null in heartbeat mode.</summary>
    public SwimMembershipMachine? Swim => _membership.Swim;

    /// <summary>Read-only inspection for checkers and tests.</summary>
    public ElectionMachine Election => _election;

    /// <summary>The merged gossip view, for read-only inspection by checkers and tests.</summary>
    public GossipTable Gossip => _gossip.Table;

    public void Step(Instant now, KernelInput input)
    {
        Invariant.True(now >= _lastNow);
        ObserveMonitoringTime(now - _lastNow);
        _lastNow = now;
        _membership.ObserveTime(now);
        // The work-lease fence goes before any input: a worker back from a pause kills before it acts.
        _worker?.Fence(now);
        switch (input)
        {
            case Wake: break;
            case Deliver deliver: Route(now, deliver); break;
            case Submit submit: Route(now, submit); break;
            case EffectCompleted completed: Route(now, completed); break;
            case Observed observed: _resources = observed.Resources; _loadStale = true; break;
            case FilesObserved files: _sync?.OnFiles(now, files); break;
        }
        RefreshAdvertisedLoad();
        _membership.Tick(now);
        // Only on gossip's own deadline: the alive-peer list is looked at once per round, not per step.
        if (now >= _gossip.NextDeadline) _gossip.Tick(now, _gossipPeers.Reachable(_membership));
        _durable.Tick(now);
        if (now >= _election.NextDeadline) _election.Tick(now, Status().Members);
        PublishLeader();
        StepScheduling(now);
        StepSync(now);
        StepMonitoring(now);
        StepScaling(now);
        StepElo(now);
    }

    /// <summary>Dispatch follows the election: the leader side plans, every node's worker side reports.</summary>
    private void StepScheduling(Instant now)
    {
        if (_dispatch is null || _worker is null) return;
        var leading = _election.IsLeader(now);
        if (leading || _dispatch.Epoch != 0)
            _dispatch.Tick(now, leading, _election.LeaderEpoch, Status().Members, _worker.Pipeline);
        var (leader, epoch) = _leaderHint.Resolve(_election, _gossip.Table);
        _worker.Tick(now, leader, epoch, _resources.GpuHealth);
    }

    /// <summary>Gossip carries the leader and epoch this node follows, refreshed only when they change.</summary>
    private void PublishLeader()
    {
        if (_election.Version == _publishedElectionVersion) return;
        _publishedElectionVersion = _election.Version;
        _gossip.SetOwnLeader(_election.LeaderId, _election.LeaderEpoch);
    }

    public Ready TakeReady() => _outbox.Drain(NextDeadline(), Status());

    /// <summary>Rebuilds the advertised load only when jobs or resources changed, not on every step.</summary>
    private void RefreshAdvertisedLoad()
    {
        if (!_loadStale && _jobs.Version == _loadJobsVersion) return;
        _loadStale = false;
        _loadJobsVersion = _jobs.Version;
        var load = _jobs.LoadWith(Advertised(_resources));
        _membership.SetLoad(load);
        _gossip.SetOwnLoad(load);
    }

    private Instant? NextDeadline()
    {
        var next = Instant.Min(_membership.NextDeadline, Instant.Min(_election.NextDeadline, _gossip.NextDeadline));
        if (_dispatch is not null && _worker is not null)
            next = Instant.Min(next, Instant.Min(_dispatch.NextDeadline, _worker.NextDeadline));
        if (_sync is not null) next = Instant.Min(next, _sync.NextDeadline);
        next = Instant.Min(next, MonitoringDeadline);
        if (_scaling is not null) next = Instant.Min(next, _scaling.NextDeadline);
        if (_elo is not null) next = Instant.Min(next, _elo.NextDeadline);
        return _durable.RetryAt is { } retry ? Instant.Min(retry, next) : next;
    }

    private static ImmutableArray<NodeId> DialablePeers(KernelConfig config)
    {
        var peers = ImmutableArray.CreateBuilder<NodeId>();
        foreach (var host in config.Cluster)
            if (host.Node != config.Self.Node && !host.NatBlocked) peers.Add(host.Node);
        return peers.ToImmutable();
    }

    private void Route(Instant now, Deliver deliver)
    {
        switch (deliver.Message)
        {
            case Heartbeat heartbeat: _membership.Heartbeat?.OnHeartbeat(now, deliver.From, heartbeat); break;
            case HeartbeatAck ack: _membership.Heartbeat?.OnHeartbeatAck(now, deliver.From, ack); break;
            case SwimMessage swim: _membership.Swim?.OnMessage(now, deliver.From, swim); break;
            case LeaseRequest request: _election.OnLeaseRequest(now, deliver.From, request); break;
            case LeaseReply reply: _election.OnLeaseReply(now, deliver.From, reply); break;
            case LeaderAnnounce announce: _election.OnLeaderAnnounce(now, deliver.From, announce); break;
            case LeaseRelease release: _election.OnLeaseRelease(now, deliver.From, release); break;
            case PreVoteRequest preVote: _election.OnPreVoteRequest(now, deliver.From, preVote); break;
            case PreVoteReply preVoteReply: _election.OnPreVoteReply(now, deliver.From, preVoteReply); break;
            case GossipDigest digest: _gossip.OnDigest(deliver.From, digest); break;
            case GossipDelta delta: _gossip.OnDelta(now, deliver.From, delta); break;
            case JobReport report:
                RecordMatches(report);
                _dispatch?.OnReport(now, deliver.From, report);
                break;
            case JobOrders orders: _worker?.OnOrders(now, deliver.From, orders, _resources.GpuHealth); break;
            case Sync.SyncMessage sync: _sync?.OnMessage(now, deliver.From, sync, SyncLeader()); break;
            case Monitoring.AlertReport alerts: OnAlertReport(now, deliver.From, alerts); break;
            case Monitoring.AlertReportAck ack: _roundTrip?.OnAck(now, ack); break;
            default: RouteElo(deliver); break;
        }
    }

    private void Route(Instant now, Submit submit)
    {
        switch (submit.Command)
        {
            case StepDown:
                _election.StepDownOnRequest(now);
                _outbox.Answer(new Reply(submit.RequestId, true, "standing aside"));
                break;
            case LaunchJob launch: _jobs.OnLaunch(submit.RequestId, launch); break;
            case TerminateJob terminate: _jobs.OnTerminate(submit.RequestId, terminate); break;
            case HaltDispatch halt when _dispatch is not null:
                _dispatch.Halted = halt.Halted;
                _outbox.Answer(new Reply(submit.RequestId, true, halt.Halted ? "dispatch halted" : "dispatch resumed"));
                break;
            case QueueWork work: OnQueueWork(submit.RequestId, work); break;
            default: _outbox.Answer(new Reply(submit.RequestId, false, "unknown command " + submit.Command.Name)); break;
        }
    }

    private void Route(Instant now, EffectCompleted completed)
    {
        if (_durable.OnCompleted(now, completed.EffectId, completed.Outcome)) return;
        if (_sync is not null && _sync.OnCompleted(now, completed.EffectId, completed.Outcome, SyncLeader())) return;
        if (_scaling is not null && _scaling.OnCompleted(completed.EffectId, completed.Outcome)) return;
        if (_jobs.OnCompleted(completed.EffectId, completed.Outcome, out var ended) && ended is not null)
            _worker?.OnJobEnded(ended, completed.Outcome);
    }

    private NodeStatus Status()
    {
        // Each version only grows, so their sum changes whenever any of them does.
        var version = (long)_membership.Version + _jobs.Version + _election.Version + MonitoringVersion;
        if (_status is not null && version == _statusVersion) return _status;
        _statusVersion = version;
        _status = WithOperations(new NodeStatus(
            Id, Incarnation, _election.Role, _election.LeaderId, _election.LeaderEpoch,
            _membership.AlivePeerCount, _membership.PeerCount, _jobs.RunningCount, _membership.Snapshot()));
        return _status;
    }
}
