using System.Collections.Immutable;
using RingRift.Kernel.Monitoring;

namespace RingRift.Kernel.Node;

/// <summary>
/// Predictive monitoring and self-healing, when <see cref="KernelConfig.Monitoring"/> is set: every node
/// samples itself each interval and tells the leader it follows which alerts about it are active; the
/// leader's healer acts on those reports. Off, nothing here runs and no deadline is added.
/// </summary>
public sealed partial class KernelNode
{
    private MonitorMachine? _monitor;
    private HealingMachine? _healer;
    private DispatchHealer? _jobHealer;
    private System.Func<NodeId, bool>? _isAlive;
    private long _alertSequence;
    private int _sentAlertMask;

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
    }

    private Instant MonitoringDeadline => _monitor?.NextDeadline ?? Instant.MaxValue;

    private long MonitoringVersion => _monitor is null ? 0 : _monitor.Version + _healer!.Actions;

    private void StepMonitoring(Instant now)
    {
        if (_monitor is null || now < _monitor.NextDeadline) return;
        var leading = _election.IsLeader(now) && _dispatch is { Epoch: not 0 };
        _monitor.Tick(now, Sample(leading));
        ReportAlerts(now);
        _healer!.Tick(now, leading, _isAlive!, _jobHealer!);
    }

    private MonitorSample Sample(bool leading)
    {
        var selfplay = 0;
        foreach (var job in _jobs.RunningSpecs())
            if (job.Kind == JobKind.Selfplay) selfplay++;
        int? pending = leading ? _dispatch!.Book.PendingCount : null;
        return new MonitorSample(_resources.DiskUsed, _resources.MemoryUsed, _resources.GamesWritten, selfplay, pending);
    }

    /// <summary>Sent when the set changed, and every interval while it is not empty (a new leader learns it).</summary>
    private void ReportAlerts(Instant now)
    {
        var mask = _monitor!.ActiveMask;
        if (mask == 0 && _sentAlertMask == 0) return;
        var (leader, _) = _leaderHint.Resolve(_election, _gossip.Table);
        if (leader is not { } to) return;
        _sentAlertMask = mask;
        var report = new AlertReport(Incarnation, ++_alertSequence, mask);
        if (to == Id) _healer!.OnReport(now, Id, report);
        else _outbox.Send(new Outbound(to, report));
    }

    private void OnAlertReport(Instant now, NodeId from, AlertReport report) => _healer?.OnReport(now, from, report);

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
        return status with { Health = health, Alerts = _monitor.Active() };
    }
}
