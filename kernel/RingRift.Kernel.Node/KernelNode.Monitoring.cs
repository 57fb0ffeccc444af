using System.Collections.Immutable;
using RingRift.Kernel.Monitoring;

namespace RingRift.Kernel.Node;

/// <summary>
/// Predictive monitoring and self-healing, when <see cref="KernelConfig.Monitoring"/> is set: every node
/// samples itself each interval and tells the leader it follows which alerts about it are active (every
/// interval: the leader's echo times the node's heartbeat delay to it); the leader's healer acts on those
/// reports and /alerts shows them. Off, nothing here runs and no deadline is added.
/// </summary>
public sealed partial class KernelNode
{
    private MonitorMachine? _monitor;
    private HealingMachine? _healer;
    private DispatchHealer? _jobHealer;
    private System.Func<NodeId, bool>? _isAlive;
    private LeaderRoundTrip? _roundTrip;
    private long _alertSequence;

    /// <summary>The monitor, for read-only inspection; null when monitoring is off.</summary>
    public MonitorMachine? Monitor => _monitor;

    /// <summary>The healer, for read-only inspection; null when monitoring is off.</summary>
    public HealingMachine? Healer => _healer;

    private void InitMonitoring(KernelConfig config, Instant now)
    {
        if (config.Monitoring is not { } monitoring) return;
        _monitor = new MonitorMachine(monitoring, config.Self.Node, _outbox, now);
        _healer = new HealingMachine(monitoring, _outbox, config.Cluster.Length);
        _jobHealer = new DispatchHealer(_dispatch);
        _isAlive = IsAlive;
        _roundTrip = new LeaderRoundTrip(monitoring.SampleInterval);
    }

    private Instant MonitoringDeadline => _monitor?.NextDeadline ?? Instant.MaxValue;

    private long MonitoringVersion => _monitor is null ? 0 : _monitor.Version + _healer!.Actions + _healer.Reports.Version;

    private void StepMonitoring(Instant now)
    {
        if (_monitor is null || now < _monitor.NextDeadline) return;
        var leading = _election.IsLeader(now) && _dispatch is { Epoch: not 0 };
        var (leader, _) = _leaderHint.Resolve(_election, _gossip.Table);
        _monitor.Tick(now, Sample(now, leading, leader));
        ReportAlerts(now, leader);
        _healer!.Tick(now, leading, _isAlive!, _jobHealer!);
    }

    private MonitorSample Sample(Instant now, bool leading, NodeId? leader)
    {
        var selfplay = 0;
        foreach (var job in _jobs.RunningSpecs())
            if (job.Kind == JobKind.Selfplay) selfplay++;
        int? pending = leading ? _dispatch!.Book.PendingCount : null;
        var delay = leader is { } to && to != Id ? _roundTrip!.Sample(now, to) : null;
        return new MonitorSample(_resources.DiskUsed, _resources.MemoryUsed, _resources.GamesWritten, selfplay, pending, delay);
    }

    /// <summary>
    /// Sent every interval, empty or not: the leader learns every node's alerts within one interval (a new
    /// leader too), and its echo times the round trip.
    /// </summary>
    private void ReportAlerts(Instant now, NodeId? leader)
    {
        if (leader is not { } to) return;
        var report = new AlertReport(Incarnation, ++_alertSequence, _monitor!.ActiveMask) { Levels = _monitor.ActiveLevels() };
        if (to == Id)
        {
            _healer!.OnReport(now, Id, report);
            return;
        }
        _roundTrip!.OnSent(now, report.Sequence);
        _outbox.Send(new Outbound(to, report));
    }

    /// <summary>Kept (the leader acts on it) and echoed on the sender's connection at once, whoever leads.</summary>
    private void OnAlertReport(Instant now, NodeId from, AlertReport report)
    {
        if (_healer is null) return;
        _healer.OnReport(now, from, report);
        _outbox.Send(new Outbound(from, new AlertReportAck(report.Sequence), IsResponse: true));
    }

    /// <summary>A gap between two steps longer than membership's stall threshold is this node's own stall.</summary>
    private void ObserveMonitoringTime(Duration sinceLastStep)
    {
        if (sinceLastStep > _config.Membership.StallThreshold) _roundTrip?.OnLocalStall();
    }

    /// <summary>
    /// The sample as peers see it: the monitoring-only fields (disk used, games written) never travel, so
    /// they are dropped before the load is compared and a new game count alone changes no gossip.
    /// </summary>
    private static ResourceSample Advertised(ResourceSample sample) =>
        sample.DiskUsed == Ratio.Zero && sample.GamesWritten is null ? sample : sample with { DiskUsed = Ratio.Zero, GamesWritten = null };

    private bool IsAlive(NodeId node) => node == Id || _membership.StateOf(node) == MemberState.Alive;

    private NodeStatus WithOperations(NodeStatus status)
    {
        if (_monitor is null) return status;
        var health = ImmutableArray.Create(
            _monitor.Report(),
            _healer!.Report(),
            new MachineHealth("membership", status.AlivePeers > 0 || status.TotalPeers == 0,
                $"{status.AlivePeers}/{status.TotalPeers} peers alive", 0, null, 0, Duration.Zero),
            new MachineHealth("election", status.LeaderId is not null,
                status.LeaderId is { } leader ? $"leader {leader} at epoch {status.Epoch}" : "no leader known", 0, null, 0, Duration.Zero),
            new MachineHealth("dispatch", _dispatch is not { Halted: true },
                _dispatch is null ? "off" : _dispatch.Halted ? "halted" : "placing", 0, null, 0, Duration.Zero));
        var cluster = _election.IsLeader(_lastNow) ? _healer.Reports.Active(_lastNow, _healer.ReportFresh) : [];
        return status with { Health = health, Alerts = _monitor.Active(), ClusterAlerts = cluster };
    }
}
