using RingRift.Kernel.Scaling;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// The auto-scaler never decommissions a voter or a node that runs a training process (the simulator's own
/// record of launched processes, not the leader's book). Checked when the leader announces a scale-down,
/// which it does in the step that issues the decommission; scale-downs are rare, so looking at the target's
/// processes then costs nothing per event.
/// </summary>
internal sealed class ScaleDownSafeChecker(World world) : Checker
{
    public override string Name => CheckCatalog.ScaleDownSafe;

    internal override void OnNotice(long now, SimNode node, Kernel.Notice notice)
    {
        if (notice is not ScaleDownRequested down) return;
        var target = world.Nodes[world.IndexOf(down.Node)];
        if (target.Host.Profile.IsVoter) Fail(now, $"{node.Id} decommissioned the voter {down.Node}");
        else if (world.RunsTraining(target)) Fail(now, $"{node.Id} decommissioned {down.Node} while it ran a training");
    }
}
