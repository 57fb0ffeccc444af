using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Liveness at the end of a healed run: exactly one running node leads under a valid lease, and every
/// other running node that can be dialled follows it at its epoch. Judged only when nothing has changed
/// for <see cref="World.LeadershipBound"/> (lapse of the old lease, leader timeout, rank delays,
/// a failed candidacy or two); NAT-blocked nodes only learn of leaders through gossip and are exempt.
/// </summary>
internal sealed class LeaderConvergesChecker : Checker
{
    public override string Name => CheckCatalog.LeaderConverges;

    internal override void AtEnd(long now, World world)
    {
        if (!world.IsNetworkHealed || now - world.LastChangeAt < world.LeadershipBound.Micros) return;
        SimNode? leader = null;
        foreach (var node in world.Nodes)
        {
            if (!node.IsRunning || !node.Kernel!.Election.IsLeader(node.Clock.Read(now))) continue;
            if (leader is not null) { Fail(now, $"both {leader.Id} and {node.Id} lead"); return; }
            leader = node;
        }
        if (leader is null) { Fail(now, "no node leads"); return; }
        var epoch = leader.Kernel!.Election.Epoch;
        foreach (var node in world.Nodes)
        {
            if (!node.IsRunning || node.Host.Profile.NatBlocked) continue;
            var election = node.Kernel!.Election;
            if (election.LeaderId != leader.Id || election.LeaderEpoch != epoch)
                Fail(now, $"{node.Id} follows {election.LeaderId?.Value ?? "no one"} at epoch {election.LeaderEpoch}, not {leader.Id} at {epoch}");
        }
    }
}
