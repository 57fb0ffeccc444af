using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.SwimRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimPiggybackTests
{
    private static readonly NodeProfile[] Peers = [.. Profiles.Cluster("node-b", "node-c", "node-d", "node-e", "node-f", "node-g", "node-h")];
    private static readonly NodeId B = new("node-b");

    /// <summary>A rig that has heard from every peer at incarnation 1.0, so that their refutations are news.</summary>
    private static SwimRig Known()
    {
        var rig = new SwimRig(Peers);
        foreach (var peer in Peers) rig.Deliver(At(1), peer.Node, new SwimPing(Inc(), 1, []));
        return rig;
    }

    /// <summary>Every update piggybacked on what the rig sends while answering <paramref name="pings"/> pings from B.</summary>
    private static List<SwimUpdate> Answers(SwimRig rig, int pings, int from = 100)
    {
        var updates = new List<SwimUpdate>();
        for (var i = 0; i < pings; i++)
            foreach (var (_, ack) in Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), from + i, []))))
                updates.AddRange(ack.Updates);
        return updates;
    }

    [Fact]
    public void Message_CarriesAtMostPiggybackMaxUpdates_NewestFirstAmongEquals()
    {
        var rig = Known();
        var refuted = Peers.Skip(1).Select(p => SwimUpdate.Alive(p.Node, Inc(1))).ToArray();
        rig.Deliver(At(2), B, new SwimAck(Inc(), 9999, [.. refuted]));

        var ack = Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), 50, []))).Single().Message;

        Assert.Equal(Config.PiggybackMax, ack.Updates.Length);
        Assert.Equal(refuted.Reverse().Take(4), ack.Updates);
    }

    [Fact]
    public void Update_IsPiggybackedExactlyRetransmitLimitTimes_ThenLeavesTheQueue()
    {
        var rig = Known();
        var update = SwimUpdate.Alive(new NodeId("node-c"), Inc(1));
        rig.Deliver(At(2), B, new SwimAck(Inc(), 9999, [update]));

        var carried = Answers(rig, 10).Count(u => u == update);

        // Eight nodes: λ · ⌈log10(9)⌉ = 2 · 1.
        Assert.Equal(2, Config.RetransmitLimit(8));
        Assert.Equal(2, carried);
        Assert.Equal(0, rig.Machine.PendingUpdates);
    }

    [Fact]
    public void NewerUpdateAboutTheSameNode_ReplacesTheOlder_AndStartsItsCountAgain()
    {
        var rig = Known();
        var c = new NodeId("node-c");
        rig.Deliver(At(2), B, new SwimAck(Inc(), 9998, [SwimUpdate.Alive(c, Inc(1))]));
        Answers(rig, 1);

        rig.Deliver(At(2), B, new SwimAck(Inc(), 9999, [SwimUpdate.Alive(c, Inc(2))]));
        var carried = Answers(rig, 10, from: 200);

        Assert.Equal([SwimUpdate.Alive(c, Inc(2)), SwimUpdate.Alive(c, Inc(2))], carried);
    }

    [Fact]
    public void MessageToASuspect_CarriesItsSuspicionFirst_EvenWhenTheQueueIsFull()
    {
        var rig = Known();
        var refuted = Peers.Skip(2).Select(p => SwimUpdate.Alive(p.Node, Inc(1))).ToArray();
        rig.Deliver(At(2), new NodeId("node-c"), new SwimAck(Inc(), 9999, [SwimUpdate.Suspect(B, Inc(), new NodeId("node-c")), .. refuted]));

        var ack = Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), 50, []))).Single().Message;

        Assert.Equal(Config.PiggybackMax, ack.Updates.Length);
        Assert.Equal(SwimUpdate.Suspect(B, Inc(), new NodeId("node-c")), ack.Updates[0]);
        Assert.Single(ack.Updates, u => u.Node == B);
    }

    [Fact]
    public void StateUpdates_GoBeforeBeats()
    {
        var nat = Profiles.Gpu("node-nat", natBlocked: true);
        var rig = new SwimRig([.. Peers, nat]);
        foreach (var peer in Peers) rig.Deliver(At(1), peer.Node, new SwimPing(Inc(), 1, []));
        rig.Deliver(At(1), nat.Node, new SwimPing(Inc(), 7, []));
        var refuted = Peers.Skip(1).Take(4).Select(p => SwimUpdate.Alive(p.Node, Inc(1))).ToArray();
        rig.Deliver(At(2), B, new SwimAck(Inc(), 9999, [.. refuted]));

        var first = Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), 50, []))).Single().Message;
        var second = Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), 51, []))).Single().Message;
        var third = Sent<SwimAck>(rig.Deliver(At(2), B, new SwimPing(Inc(), 52, []))).Single().Message;

        // The four refutations fill both answers they are owed (the limit is 2), and only then the beat gets a slot.
        Assert.Equal(refuted.Reverse(), first.Updates);
        Assert.Equal(refuted.Reverse(), second.Updates);
        Assert.Equal(SwimUpdate.Heartbeat(nat.Node, Inc(), 7), Assert.Single(third.Updates));
    }
}
