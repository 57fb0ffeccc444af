using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Liveness at the end of a healed phase: every running node sees every other running node Alive (or,
/// under SWIM, Suspect: a suspicion still being refuted), and sees every node that has been down long
/// enough as Dead or Retired. Pairs are judged only once their situation has been stable for the bound
/// the protocol promises (see <see cref="World.ConvergenceBound"/>); the network must be healed, or
/// nothing can be promised. Pairs that cannot hear each other by design (both NAT-blocked) are not judged.
/// </summary>
internal sealed class MembershipConvergesChecker : Checker
{
    public override string Name => CheckCatalog.MembershipConverges;

    internal override void AtEnd(long now, World world)
    {
        if (!world.IsNetworkHealed)
        {
            Fail(now, "the network is still cut at the end of the run; heal it before the end to judge convergence");
            return;
        }
        foreach (var observer in world.Nodes)
        {
            if (!observer.IsRunning) continue;
            foreach (var peer in world.Nodes)
                if (peer != observer && World.CanHearDirectly(observer, peer) && !JudgePair(now, world, observer, peer)) return;
        }
    }

    private bool JudgePair(long now, World world, SimNode observer, SimNode peer)
    {
        var stableSince = System.Math.Max(System.Math.Max(observer.RunningSince, peer.StateSince), world.NetworkChangedAt);
        var seen = observer.Kernel!.Membership.StateOf(peer.Id);
        if (peer.IsRunning)
        {
            if (now - stableSince < world.ConvergenceBound(MemberState.Alive).Micros || seen == MemberState.Alive) return true;
            // A SWIM suspicion of a live member is a question in flight (under loss there is nearly always
            // one somewhere): it ends refuted or as a death within a bounded time, so only a death fails.
            if (seen == MemberState.Suspect && world.SuspicionIsTransient) return true;
            Fail(now, $"{observer.Id} sees running peer {peer.Id} as {seen?.ToString() ?? "unknown"}");
            return false;
        }
        if (peer.IsPaused || now - stableSince < world.ConvergenceBound(MemberState.Dead).Micros) return true;
        if (seen is MemberState.Dead or MemberState.Retired) return true;
        Fail(now, $"{observer.Id} sees {peer.Id}, down since {new Duration(peer.StateSince)}, as {seen?.ToString() ?? "unknown"}");
        return false;
    }
}
