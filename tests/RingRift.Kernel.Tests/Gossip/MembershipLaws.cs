using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class MembershipLaws
{
    private static readonly NodeProfile[] Peers =
    [
        Profiles.Gpu("node-b"),
        Profiles.Gpu("node-c"),
        Profiles.Gpu("node-x"), // not configured: discovered when first heard
    ];

    /// <summary>(gap before the event in milliseconds, index of the peer heard, or -1 for a bare wake).</summary>
    private static readonly Gen<(int GapMillis, int Peer)[]> Schedules = Gen.ArrayOf(
        from gap in Gen.Frequency((4, Gen.Choose(0, 20_000)), (1, Gen.Choose(20_000, 150_000)))
        from peer in Gen.Choose(-1, Peers.Length - 1)
        select (gap, peer));

    /// <summary>
    /// A host that wakes the machine only at its NextDeadline and when a heartbeat arrives sees, at
    /// every step, each peer in exactly the state its silence calls for: transitions are never late.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property States_AtEveryStep_MatchSilenceSinceLastHeard() => Prop.ForAll(Schedules.ToArbitrary(), schedule =>
    {
        var rig = new MembershipRig([Peers[0], Peers[1]]);
        var lastHeard = new Dictionary<NodeId, Instant> { [Peers[0].Node] = Instant.Zero, [Peers[1].Node] = Instant.Zero };
        var now = Instant.Zero;
        foreach (var (gap, peer) in schedule)
        {
            var target = now + Duration.FromMillis(gap);
            while (rig.Machine.NextDeadline <= target)
            {
                now = rig.Machine.NextDeadline;
                rig.Tick(now);
                if (!Agrees(rig, lastHeard, now)) return false;
            }
            now = target;
            if (peer < 0) rig.Tick(now);
            else
            {
                rig.HearFrom(now, Peers[peer]);
                lastHeard[Peers[peer].Node] = now;
            }
            if (!Agrees(rig, lastHeard, now)) return false;
        }
        return true;
    });

    /// <summary>The deadline is never in the past after a step, so a host never spins on it.</summary>
    [Property(MaxTest = 300)]
    public Property NextDeadline_AfterEveryStep_IsInTheFuture() => Prop.ForAll(Schedules.ToArbitrary(), schedule =>
    {
        var rig = new MembershipRig([Peers[0], Peers[1]]);
        var now = Instant.Zero;
        foreach (var (gap, peer) in schedule)
        {
            now += Duration.FromMillis(gap);
            if (peer < 0) rig.Tick(now);
            else rig.HearFrom(now, Peers[peer]);
            if (rig.Machine.NextDeadline <= now) return false;
        }
        return true;
    });

    private static bool Agrees(MembershipRig rig, Dictionary<NodeId, Instant> lastHeard, Instant now)
    {
        foreach (var (peer, heard) in lastHeard)
            if (rig.Machine.StateOf(peer) != rig.Config.StateAfter(now - heard)) return false;
        return rig.Machine.PeerCount == lastHeard.Count;
    }
}
