using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// With a workload, a node never runs more jobs than dispatch gives it slots (one per GPU), whatever its
/// reports said. Without one it checks nothing (operator launches are <c>job_slots</c>' business).
/// </summary>
internal sealed class JobCapacityChecker(World world) : Checker
{
    private readonly int[] _running = new int[world.NodeCount];

    public override string Name => CheckCatalog.JobCapacity;

    internal override void OnCrash(long now, SimNode node) => _running[node.Index] = 0;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (!world.HasWorkload) return;
        switch (notice)
        {
            case JobLaunched launched:
                var slots = world.DispatchSlotsOf(node);
                if (++_running[node.Index] > slots)
                    Fail(now, $"{node.Id} runs {_running[node.Index]} jobs with {slots} dispatch slots ({launched.Job} was the last)");
                break;
            case JobExited or JobLaunchFailed:
                if (_running[node.Index] > 0) _running[node.Index]--;
                break;
        }
    }
}
