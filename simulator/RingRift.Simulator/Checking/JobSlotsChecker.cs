using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// A node never runs more jobs than its slots, and each launched job ends exactly once: no end for a
/// job that is not running, no second launch of a running job. A crash ends every job of the node.
/// </summary>
internal sealed class JobSlotsChecker(World world) : Checker
{
    private readonly HashSet<JobId>[] _running = NewSets(world.NodeCount);

    public override string Name => CheckCatalog.JobSlots;

    internal override void OnCrash(long now, SimNode node) => _running[node.Index].Clear();

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        var running = _running[node.Index];
        switch (notice)
        {
            case JobLaunched launched:
                if (!running.Add(launched.Job)) Fail(now, $"{node.Id} launched {launched.Job} while it was running");
                if (running.Count > world.JobSlotsOf(node))
                    Fail(now, $"{node.Id} runs {running.Count} jobs with {world.JobSlotsOf(node)} slots");
                break;
            case JobExited exited:
                if (!running.Remove(exited.Job)) Fail(now, $"{node.Id} reported {exited.Job} exited but it was not running");
                break;
            case JobLaunchFailed failed:
                if (!running.Remove(failed.Job)) Fail(now, $"{node.Id} reported {failed.Job} failed to launch but it was not launched");
                break;
        }
    }

    private static HashSet<JobId>[] NewSets(int count)
    {
        var sets = new HashSet<JobId>[count];
        for (var i = 0; i < count; i++) sets[i] = new HashSet<JobId>();
        return sets;
    }
}
