using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Node;

namespace RingRift.Simulator.Engine.Operations;

/// <summary>
/// The simulator's side of the operations loops: each machine's <see cref="NodeOps"/>, the counts of
/// alerts, healing actions and events, and the verdict on every alert (see <see cref="OpsFigures"/>).
/// Updated per notice in O(1), and per sample in O(alerts awaiting a verdict).
/// </summary>
internal sealed class OpsBook
{
    private readonly MonitoringConfig _config;
    private readonly List<AlertJudgement> _awaiting = new();
    private readonly long[] _silentSince;
    private readonly long[] _events = new long[ClusterEvents.All.Length];
    private long _raised, _cleared, _reminders, _false, _healing, _healingOnHealthy, _restartedHealthy;
    private long _silentToAlertMax = -1;
    private int _pendingSeen;

    public OpsBook(MonitoringConfig config, int nodes)
    {
        _config = config;
        Nodes = new NodeOps[nodes];
        _silentSince = new long[nodes];
        for (var i = 0; i < nodes; i++)
        {
            Nodes[i] = new NodeOps();
            _silentSince[i] = -1;
        }
    }

    public NodeOps[] Nodes { get; }

    /// <summary>A silence waits for its node's stall alert; one that recovers unalerted keeps waiting, to the end of the run.</summary>
    public void OnSilent(long now, int node, bool silent)
    {
        Nodes[node].Silent = silent;
        if (silent && _silentSince[node] < 0) _silentSince[node] = now;
    }

    /// <summary>
    /// Counts the notice's event; returns its name for the trace, or null. <paramref name="gpuStuck"/> and
    /// <paramref name="linkDelayed"/> are the ground truth of a stall alert and a heartbeat delay alert.
    /// </summary>
    public string? OnNotice(long now, int node, Notice notice, bool gpuStuck, bool linkDelayed = false)
    {
        switch (notice)
        {
            case AlertRaised raised: OnRaised(now, node, raised.Kind, raised.Kind == AlertKind.HeartbeatDelayRising ? linkDelayed : gpuStuck); break;
            case AlertCleared: _cleared++; break;
            case AlertStillActive: _reminders++; break;
            case HealingAction action: OnHealing(action, gpuStuck); break;
            case Kernel.Scheduling.Jobs.DispatchStatus status: _pendingSeen = System.Math.Max(_pendingSeen, status.Pending); break;
        }
        if (ClusterEvents.Of(notice) is not { } name) return null;
        _events[ClusterEvents.IndexOf(name)]++;
        return name;
    }

    /// <summary>At each sample: alerts whose threshold the ground truth reached are true; those past their horizon false.</summary>
    public void Judge(long now)
    {
        for (var i = _awaiting.Count - 1; i >= 0; i--)
        {
            var judgement = _awaiting[i];
            if (Reached(now, judgement)) _awaiting.RemoveAt(i);
            else if (now >= judgement.Deadline)
            {
                _false++;
                _awaiting.RemoveAt(i);
            }
        }
    }

    public OpsFigures Figures(long now)
    {
        Judge(long.MaxValue - 1);
        for (var i = 0; i < _silentSince.Length; i++) CloseSilence(now, i);
        return new OpsFigures(
            _raised, _cleared, _reminders, _false, _healing, _healingOnHealthy, _restartedHealthy,
            _silentToAlertMax < 0 ? null : new Duration(_silentToAlertMax), [.. _events]);
    }

    private void OnRaised(long now, int node, AlertKind kind, bool faultSeen)
    {
        _raised++;
        switch (kind)
        {
            case AlertKind.SelfplayStalled:
                if (!faultSeen) _false++;
                else CloseSilence(now, node);
                break;
            case AlertKind.HeartbeatDelayRising:
                if (!faultSeen) _false++;
                break;
            case AlertKind.MemoryGrowing: _false++; break;
            case AlertKind.DiskFilling when Nodes[node].Filling: break;
            default: _awaiting.Add(new AlertJudgement(node, kind, now + _config.Horizon.Micros)); break;
        }
    }

    private void OnHealing(HealingAction action, bool gpuStuck)
    {
        _healing++;
        if (action.Action != HealingAction.TerminateStuckJob) _restartedHealthy++;
        else if (!gpuStuck) _healingOnHealthy++;
    }

    private bool Reached(long now, AlertJudgement judgement) => judgement.Kind switch
    {
        AlertKind.DiskFilling => Nodes[judgement.Node].DiskUsedAt(System.Math.Min(now, judgement.Deadline)) >= _config.DiskUsedMax.BasisPoints,
        AlertKind.QueueGrowing => _pendingSeen >= _config.PendingJobsMax,
        _ => false,
    };

    /// <summary>Ends a silence's wait for its alert at <paramref name="now"/> (the alert, or the end of the run).</summary>
    private void CloseSilence(long now, int node)
    {
        if (_silentSince[node] < 0) return;
        _silentToAlertMax = System.Math.Max(_silentToAlertMax, now - _silentSince[node]);
        _silentSince[node] = -1;
    }
}
