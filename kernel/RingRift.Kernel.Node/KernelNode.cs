using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling;

namespace RingRift.Kernel.Node;

/// <summary>
/// One node's kernel, sans-IO. Hosts call <see cref="Step"/> with each input and the local monotonic
/// time, then <see cref="TakeReady"/> to collect what to do. It only routes: inputs go to the machines,
/// the machines write to one <see cref="Outbox"/>. Single-threaded; times passed to Step never decrease.
/// A new instance starts a new incarnation: it persists the bumped boot count first, and every
/// message that carries the incarnation waits for that persist.
/// </summary>
public sealed class KernelNode
{
    private readonly KernelConfig _config;
    private readonly Outbox _outbox;
    private readonly HeartbeatMembershipMachine _membership;
    private readonly LocalJobsMachine _jobs;
    private readonly DurableStateKeeper _durable;
    private readonly GossipMachine _gossip;
    private readonly GossipPeers _gossipPeers;
    private ResourceSample _resources = ResourceSample.Idle;
    private bool _loadStale = true;
    private int _loadJobsVersion;
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
        _membership = new HeartbeatMembershipMachine(
            config.Membership, config.Self, config.Cluster, Incarnation, _outbox, now,
            prng.NextDuration(Duration.Zero, config.Membership.HeartbeatInterval));
        _gossip = new GossipMachine(config.Gossip, config.Self.Node, Incarnation, _outbox, now, prng.Fork("gossip"));
        _gossipPeers = new GossipPeers(config.Cluster);
        _outbox.Notify(new NodeStarted(Incarnation));
        _durable.PersistNow();
    }

    public NodeId Id => _config.Self.Node;

    public long Incarnation => _durable.State.BootCount;

    /// <summary>Read-only inspection for checkers and tests.</summary>
    public HeartbeatMembershipMachine Membership => _membership;

    /// <summary>The merged gossip view, for read-only inspection by checkers and tests.</summary>
    public GossipTable Gossip => _gossip.Table;

    public void Step(Instant now, KernelInput input)
    {
        Invariant.True(now >= _lastNow);
        _lastNow = now;
        _membership.ObserveTime(now);
        switch (input)
        {
            case Wake: break;
            case Deliver deliver: Route(now, deliver); break;
            case Submit submit: Route(submit); break;
            case EffectCompleted completed: Route(now, completed); break;
            case Observed observed: _resources = observed.Resources; _loadStale = true; break;
        }
        RefreshAdvertisedLoad();
        _membership.Tick(now);
        // Only on gossip's own deadline: the alive-peer list is looked at once per round, not per step.
        if (now >= _gossip.NextDeadline) _gossip.Tick(now, _gossipPeers.Reachable(_membership));
        _durable.Tick(now);
    }

    public Ready TakeReady() => _outbox.Drain(NextDeadline(), Status());

    /// <summary>Rebuilds the advertised load only when jobs or resources changed, not on every step.</summary>
    private void RefreshAdvertisedLoad()
    {
        if (!_loadStale && _jobs.Version == _loadJobsVersion) return;
        _loadStale = false;
        _loadJobsVersion = _jobs.Version;
        var load = _jobs.LoadWith(_resources);
        _membership.SetLoad(load);
        _gossip.SetOwnLoad(load);
    }

    private Instant? NextDeadline()
    {
        var next = Instant.Min(_membership.NextDeadline, _gossip.NextDeadline);
        return _durable.RetryAt is { } retry ? Instant.Min(retry, next) : next;
    }

    private void Route(Instant now, Deliver deliver)
    {
        switch (deliver.Message)
        {
            case Heartbeat heartbeat: _membership.OnHeartbeat(now, deliver.From, heartbeat); break;
            case HeartbeatAck ack: _membership.OnHeartbeatAck(now, deliver.From, ack); break;
            case GossipDigest digest: _gossip.OnDigest(deliver.From, digest); break;
            case GossipDelta delta: _gossip.OnDelta(now, deliver.From, delta); break;
        }
    }

    private void Route(Submit submit)
    {
        switch (submit.Command)
        {
            case LaunchJob launch: _jobs.OnLaunch(submit.RequestId, launch); break;
            case TerminateJob terminate: _jobs.OnTerminate(submit.RequestId, terminate); break;
            default: _outbox.Answer(new Reply(submit.RequestId, false, "unknown command " + submit.Command.Name)); break;
        }
    }

    private void Route(Instant now, EffectCompleted completed)
    {
        if (_durable.OnCompleted(now, completed.EffectId, completed.Outcome)) return;
        _jobs.OnCompleted(completed.EffectId, completed.Outcome);
    }

    private NodeStatus Status()
    {
        var version = ((long)_membership.Version << 32) + _jobs.Version;
        if (_status is not null && version == _statusVersion) return _status;
        _statusVersion = version;
        _status = new NodeStatus(
            Id, Incarnation, _membership.AlivePeerCount, _membership.PeerCount, _jobs.RunningCount,
            _membership.Snapshot());
        return _status;
    }
}
