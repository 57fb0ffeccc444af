using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// The alert reports a node was sent, newest per node (an older report of the same incarnation, or one of
/// an older incarnation, is ignored), and since when each reported kind has been active as heard here. On
/// the leader this is the cluster's view of every node's alerts (for the healer and /alerts); a report
/// older than the freshness bound says nothing. At most one entry per cluster node. Single-threaded.
/// </summary>
public sealed class ReportedAlerts(int clusterSize)
{
    private readonly SortedDictionary<NodeId, NodeReport> _reports = new();

    /// <summary>Grows whenever a node's reported set changes; for the status cache.</summary>
    public long Version { get; private set; }

    public void OnReport(Instant now, NodeId from, AlertReport report)
    {
        if (_reports.TryGetValue(from, out var last)
            && (report.Incarnation < last.Incarnation || (report.Incarnation == last.Incarnation && report.Sequence <= last.Sequence))) return;
        Invariant.True(_reports.Count < clusterSize || _reports.ContainsKey(from));
        var since = new Instant[AlertKinds.Count];
        var levels = new long[AlertKinds.Count];
        for (var k = 0; k < since.Length; k++)
        {
            since[k] = last is not null && (last.Mask & report.ActiveMask & (1 << k)) != 0 ? last.Since[k] : now;
            levels[k] = report.LevelOf((AlertKind)k);
        }
        if (last is null || last.Mask != report.ActiveMask || !levels.AsSpan().SequenceEqual(last.Levels)) Version++;
        _reports[from] = new NodeReport(report.Incarnation, report.Sequence, report.ActiveMask, now, since, levels);
    }

    /// <summary>The nodes whose report heard within <paramref name="fresh"/> has <paramref name="kind"/> active, in node order.</summary>
    public IEnumerable<NodeId> NodesWith(Instant now, Duration fresh, AlertKind kind)
    {
        foreach (var (node, report) in _reports)
            if ((report.Mask & AlertKinds.Bit(kind)) != 0 && now - report.HeardAt <= fresh) yield return node;
    }

    /// <summary>Every freshly reported active alert, by node then kind, at its reported level.</summary>
    public ImmutableArray<ActiveAlertView> Active(Instant now, Duration fresh)
    {
        var views = ImmutableArray.CreateBuilder<ActiveAlertView>();
        foreach (var (node, report) in _reports)
        {
            if (report.Mask == 0 || now - report.HeardAt > fresh) continue;
            for (var k = 0; k < AlertKinds.Count; k++)
                if ((report.Mask & (1 << k)) != 0) views.Add(new ActiveAlertView(node, AlertKinds.Name((AlertKind)k), report.Levels[k], report.Since[k]));
        }
        return views.ToImmutable();
    }

    private sealed record NodeReport(long Incarnation, long Sequence, int Mask, Instant HeardAt, Instant[] Since, long[] Levels);
}
