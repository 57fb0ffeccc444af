using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Node;
using RingRift.Kernel.Scaling;
using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The simulated provider behind the auto-scaler: pool nodes (hosts that do not boot at the start) come up
/// a seeded delay after a <see cref="ProvisionNodes"/>, or fail to boot and go back to the pool; a
/// <see cref="DecommissionNode"/> stops its node for good (counted as a decommission, not a crash)
/// and returns it to the pool. Also the scenario's operator side of unattended runs: bursts of queued work.
/// </summary>
internal sealed partial class World
{
    private readonly SortedSet<int> _poolFree = new();
    private readonly List<string> _eloSnapshot = new();
    private Prng? _providerPrng;
    private long _scaleUps, _scaleDowns, _nodesProvisioned, _failedBoots, _drainsStarted, _refusals;

    /// <summary>Marks the pool's nodes as not provisioned; they are not booted at the start.</summary>
    private void InitProvider(Prng master)
    {
        ScheduleEloSnapshot();
        if (_scenario.Scaling is not { } scaling) return;
        _providerPrng = master.Fork("provider");
        foreach (var node in scaling.Pool) _poolFree.Add(IndexOf(node));
    }

    /// <summary>True when the node runs a training process now (the simulator's record of launches); for checkers.</summary>
    public bool RunsTraining(SimNode node)
    {
        foreach (var ((index, _), (spec, _)) in _launched)
            if (index == node.Index && spec.Kind == JobKind.Training) return true;
        return false;
    }

    private bool IsUnprovisioned(SimNode node) => _poolFree.Contains(node.Index);

    private ScalingFigures? ScalingFiguresNow()
    {
        if (_scenario.Scaling is null && _scenario.EloSyncInterval is null) return null;
        var (results, agreeing, running) = EloAgreement();
        return new ScalingFigures(_scaleUps, _scaleDowns, _nodesProvisioned, _failedBoots, _drainsStarted, _refusals, results, agreeing, running);
    }

    /// <summary>
    /// The leader's Elo table at the end, and how many running nodes hold every result the leader held two
    /// sync intervals before the end (a result newer than that may not have been offered for yet).
    /// </summary>
    private (int Results, int Agreeing, int Running) EloAgreement()
    {
        var leader = CurrentLeader() is { } id ? NodeOf(id).Kernel?.Elo : null;
        var running = 0;
        var agreeing = 0;
        foreach (var node in _nodes)
        {
            if (node.Kernel?.Elo is not { } elo || !node.IsRunning) continue;
            running++;
            if (HoldsAll(elo.Table, _eloSnapshot)) agreeing++;
        }
        return (leader?.Table.Count ?? 0, agreeing, running);
    }

    private static bool HoldsAll(Kernel.Ratings.EloTable table, List<string> ids)
    {
        foreach (var id in ids)
            if (!table.Contains(id)) return false;
        return true;
    }

    /// <summary>Schedules the snapshot of the leader's Elo table two sync intervals before the end.</summary>
    private void ScheduleEloSnapshot()
    {
        if (_scenario.EloSyncInterval is not { } interval) return;
        var at = System.Math.Max(0, _end - 2 * interval.Micros);
        _queue.Schedule(at, EventKind.Provider, 0, payload: new EloSnapshotDue());
    }

    private void TakeEloSnapshot()
    {
        _eloSnapshot.Clear();
        if (CurrentLeader() is not { } id || NodeOf(id).Kernel?.Elo is not { } elo) return;
        foreach (var match in elo.Table.Page(null, Kernel.Ratings.EloTable.MatchesMax)) _eloSnapshot.Add(match.Id);
    }

    private void Provision(SimNode requester, ProvisionNodes effect)
    {
        var spec = _scenario.Scaling!;
        _scaleUps++;
        var request = new ProvisionRequest(requester.Index, requester.Life, effect.Id, 0);
        while (request.Remaining < effect.Count && _poolFree.Count > 0)
        {
            var index = _poolFree.Min;
            _poolFree.Remove(index);
            request.Remaining++;
            var delay = _providerPrng!.NextDuration(spec.DelayMin, spec.DelayMax);
            var fails = spec.BootFailure.Sample(_providerPrng);
            _queue.Schedule(_now + delay.Micros, EventKind.Provider, index, payload: new ProvisionedBoot(request, index, fails));
        }
        _trace.World(_now, requester.Index, $"provision {requester.Id} count={effect.Count} profile={effect.Profile} placed={request.Remaining}");
        if (request.Remaining == 0) CompleteProvision(request);
    }

    private void OnProviderEvent(in SimEvent item)
    {
        switch (item.Payload)
        {
            case ProvisionedBoot boot: OnProvisionedBoot(boot); break;
            case EloSnapshotDue: TakeEloSnapshot(); break;
        }
    }

    private void OnProvisionedBoot(ProvisionedBoot boot)
    {
        var node = _nodes[boot.Node];
        boot.Request.Remaining--;
        if (boot.Fails)
        {
            _failedBoots++;
            boot.Request.Failed++;
            _poolFree.Add(boot.Node);
            _trace.World(_now, node.Index, $"provision {node.Id} failed to boot");
        }
        else
        {
            _nodesProvisioned++;
            boot.Request.Booted.Add(node.Id);
            _trace.World(_now, node.Index, $"provision {node.Id} boots");
            Boot(node);
        }
        if (boot.Request.Remaining == 0) CompleteProvision(boot.Request);
    }

    private void CompleteProvision(ProvisionRequest request)
    {
        var requester = _nodes[request.Requester];
        if (requester.Life != request.RequesterLife) return;
        var outcome = new NodesProvisioned([.. request.Booted], request.Failed);
        Offer(requester, new EffectCompleted(request.Effect, outcome));
    }

    private void Decommission(SimNode requester, DecommissionNode effect)
    {
        var target = NodeOf(effect.Node);
        _scaleDowns++;
        _trace.World(_now, target.Index, $"decommission {target.Id} by {requester.Id}");
        Crash(target, tornWrite: false, decommissioned: true);
        _poolFree.Add(target.Index);
        _queue.Schedule(_now, EventKind.EffectDone, requester.Index, token: requester.Life,
            payload: new EffectCompleted(effect.Id, new NodeDecommissioned(true, "")));
    }

    private void ObserveScaling(Notice notice)
    {
        if (notice is ScaleDownRefused) _refusals++;
        else if (notice is NodeDraining { Draining: true }) _drainsStarted++;
    }

    private void QueueWorkOnLeader(QueueWorkCommand work)
    {
        if (CurrentLeader() is not { } leader)
        {
            _trace.World(_now, 0, $"queue_work ignored: no leader");
            return;
        }
        Submit(leader, new QueueWork(work.Count, work.Config));
    }
}
