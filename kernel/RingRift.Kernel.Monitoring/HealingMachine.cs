using System.Collections.Generic;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Self-healing, on the leader only (a follower keeps the reports it is sent, and acts on none of
/// them): a node whose fresh alert report says its selfplay stalled has its longest-running selfplay
/// job terminated and retried. One action per tick at most, none within the healing interval of the
/// last, and no more than the hourly bound. Only a node that membership sees Alive is acted on (a
/// suspected or dead node's jobs are dispatch's to reap). The healer has no node-level action at
/// all: restarting or fencing a node is never its decision, so a slow node that still heartbeats to
/// a quorum is never restarted (the original's healers killed such nodes, FAILURE-MODES class 14).
/// Single-threaded; owned by one kernel.
/// </summary>
public sealed class HealingMachine(MonitoringConfig config, Outbox outbox, int clusterSize)
{
    private readonly Queue<Instant> _recent = new();
    private Instant _nextActionAt = Instant.Zero;

    public HealthCounter Health { get; } = new("self_healing");

    /// <summary>The alert reports this node was sent: on the leader, every node's alerts.</summary>
    public ReportedAlerts Reports { get; } = new(clusterSize);

    public long Actions { get; private set; }

    /// <summary>Ticks at which an action was due but the hourly bound held it back.</summary>
    public long RateLimited { get; private set; }

    public void OnReport(Instant now, NodeId from, AlertReport report) => Reports.OnReport(now, from, report);

    /// <summary>A report older than this says nothing any more.</summary>
    public Duration ReportFresh => config.SampleInterval * config.ReportFreshIntervals;

    /// <summary><paramref name="isAlive"/> answers membership's view of a node (its own node always alive).</summary>
    public void Tick(Instant now, bool leading, System.Func<NodeId, bool> isAlive, IStuckJobHealer healer)
    {
        if (!leading || !config.HealingEnabled) return;
        Health.Cycle(now);
        if (now < _nextActionAt) return;
        foreach (var node in Reports.NodesWith(now, ReportFresh, AlertKind.SelfplayStalled))
        {
            if (!isAlive(node)) continue;
            if (!WithinHourlyBound(now))
            {
                RateLimited++;
                return;
            }
            const string reason = "selfplay_stalled: running, no game written for the stall bound";
            if (healer.TerminateStuckSelfplay(node, now, reason) is not { } job) continue;
            Act(now, node, job, reason);
            return;
        }
    }

    public MachineHealth Report() =>
        Health.Report(true, $"{Actions} actions, {RateLimited} held back by the hourly bound");

    private bool WithinHourlyBound(Instant now)
    {
        while (_recent.Count > 0 && now - _recent.Peek() >= Duration.FromHours(1)) _recent.Dequeue();
        return _recent.Count < config.HealingActionsPerHourMax;
    }

    private void Act(Instant now, NodeId node, JobId job, string reason)
    {
        Actions++;
        _recent.Enqueue(now);
        _nextActionAt = now + config.HealingInterval;
        outbox.Notify(new HealingAction(HealingAction.TerminateStuckJob, node, job.Value, reason));
    }
}
