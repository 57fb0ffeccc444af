using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// With a workload, the jobs a node runs never take more than the slots dispatch gives it (its GPU class's
/// selfplay processes per GPU × GPUs; a training takes one GPU's share), whatever its reports said. Without
/// one it checks nothing (operator launches are <c>job_slots</c>' business).
/// </summary>
internal sealed class JobCapacityChecker(World world) : Checker
{
    private readonly Dictionary<JobId, int>[] _taken = NewTables(world.NodeCount);
    private readonly int[] _used = new int[world.NodeCount];

    public override string Name => CheckCatalog.JobCapacity;

    internal override void OnCrash(long now, SimNode node)
    {
        _taken[node.Index].Clear();
        _used[node.Index] = 0;
    }

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (!world.HasWorkload) return;
        switch (notice)
        {
            case JobLaunched launched: Launched(now, node, launched); break;
            case JobExited exited: Ended(node, exited.Job); break;
            case JobLaunchFailed failed: Ended(node, failed.Job); break;
        }
    }

    private void Launched(long now, SimNode node, JobLaunched launched)
    {
        var capacity = world.DispatchCapacityOf(node);
        var slots = capacity.SlotsTaken(launched.Kind);
        var taken = _taken[node.Index];
        taken[launched.Job] = taken.GetValueOrDefault(launched.Job) + slots;
        _used[node.Index] += slots;
        if (_used[node.Index] > capacity.Slots)
            Fail(now, $"{node.Id} runs jobs taking {_used[node.Index]} of its {capacity.Slots} dispatch slots ({launched.Job}, a {launched.Kind}, was the last)");
    }

    private void Ended(SimNode node, JobId job)
    {
        if (_taken[node.Index].Remove(job, out var slots)) _used[node.Index] -= slots;
    }

    private static Dictionary<JobId, int>[] NewTables(int count)
    {
        var tables = new Dictionary<JobId, int>[count];
        for (var i = 0; i < count; i++) tables[i] = new Dictionary<JobId, int>();
        return tables;
    }
}
