using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>Only a configured candidate (dialable, not proxy-only) may ever be elected.</summary>
internal sealed class LeaderEligibleChecker(World world) : Checker
{
    public override string Name => CheckCatalog.LeaderEligible;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is LeaderElected && world.ElectionConfig.RankOf(node.Id) is null)
            Fail(now, $"{node.Id} was elected but is not an eligible candidate");
    }
}
