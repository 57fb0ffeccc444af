using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>Opt-in, for fault-free scenarios: after the first election, leadership never changes hands.</summary>
internal sealed class StableLeadershipChecker : Checker
{
    private NodeId? _first;

    public override string Name => CheckCatalog.StableLeadership;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        switch (notice)
        {
            case LeaderElected when _first is null: _first = node.Id; break;
            case LeaderElected elected: Fail(now, $"{node.Id} elected at epoch {elected.Epoch} after {_first} led a stable cluster"); break;
            case LeaderSteppedDown down: Fail(now, $"{node.Id} stepped down ({down.Reason}) in a stable cluster"); break;
        }
    }
}
