using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Opt-in, for fault-free scenarios: no node ever sees any peer leave Alive. A healthy cluster must
/// not suspect anyone; a suspicion there means timeouts too tight for the network.
/// </summary>
internal sealed class StableMembershipChecker : Checker
{
    public override string Name => CheckCatalog.StableMembership;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is MemberStateChanged { To: not MemberState.Alive } change)
            Fail(now, $"{node.Id} sees {change.Peer} as {change.To} in a cluster that should be stable");
    }
}
