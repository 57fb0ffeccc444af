using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Safety, with sync and a workload: once a promoted model has left the node that trained it, no node
/// runs selfplay of its config without it for longer than the policy's <see cref="SyncPolicy.ModelStaleMax"/>.
/// A selfplay job on node n breaks the rule when its run overlaps [max(promotion, spread) + bound, the
/// model's arrival on n), from the ledger's truth of who held the model when. Each job is judged when it
/// ends (exit, crash, or the end of the run) against every promotion of its config before that.
/// </summary>
internal sealed class SelfplayModelFreshChecker(World world) : SyncChecker
{
    private readonly Dictionary<JobId, (int Node, string Config, long Start)> _running = new();
    private readonly Dictionary<string, List<(string Path, long At)>> _promotions = new(System.StringComparer.Ordinal);

    public override string Name => CheckCatalog.SelfplayModelFresh;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        switch (notice)
        {
            case ModelEvaluated { Promoted: true } promoted: OnPromoted(now, promoted); break;
            case JobLaunched { Kind: JobKind.Selfplay } launched: _running[launched.Job] = (node.Index, launched.Config, now); break;
            case JobExited exited when _running.Remove(exited.Job, out var job): Judge(exited.Job, job, now); break;
        }
    }

    internal override void OnCrash(long now, SimNode node)
    {
        var ended = new List<JobId>();
        foreach (var (id, job) in _running)
            if (job.Node == node.Index) ended.Add(id);
        ended.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        foreach (var id in ended)
        {
            _running.Remove(id, out var job);
            Judge(id, job, now);
        }
    }

    internal override void AtEnd(long now, World end)
    {
        var ids = new List<JobId>(_running.Keys);
        ids.Sort(static (a, b) => string.CompareOrdinal(a.Value, b.Value));
        foreach (var id in ids) Judge(id, _running[id], now);
    }

    private void OnPromoted(long now, ModelEvaluated promoted)
    {
        var path = ModelPaths.Of(promoted.Config, promoted.Generation);
        if (!_promotions.TryGetValue(promoted.Config, out var list)) _promotions.Add(promoted.Config, list = new List<(string, long)>());
        if (!list.Exists(p => p.Path == path)) list.Add((path, now));
    }

    private void Judge(JobId id, (int Node, string Config, long Start) job, long end)
    {
        if (world.Ledger is not { } ledger || world.SyncConfig is not { } config || !_promotions.TryGetValue(job.Config, out var promotions)) return;
        var bound = config.Policy.ModelStaleMax.Micros;
        foreach (var (path, promotedAt) in promotions)
        {
            if (promotedAt >= end || !ledger.Files.TryGetValue(path, out var truth) || truth.SpreadAt < 0) continue;
            var staleFrom = System.Math.Max(promotedAt, truth.SpreadAt) + bound;
            var arrived = truth.HeldSince.TryGetValue(job.Node, out var since) ? since : long.MaxValue;
            if (System.Math.Max(job.Start, staleFrom) < System.Math.Min(end, arrived))
                Fail(end, $"selfplay {id.Value} on {world.Nodes[job.Node].Id} played {job.Config} without promoted {path} past {config.Policy.ModelStaleMax}");
        }
    }
}
