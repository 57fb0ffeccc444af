using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.GossipGen;
using static RingRift.Kernel.Tests.Support.GossipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class GossipExchangeTests
{
    private static readonly NodeId A = new("node-a");
    private static readonly NodeId B = new("node-b");

    [Fact]
    public void Exchange_EachSideHasNews_DigestAnswerPushBack_LeavesBothEqual()
    {
        var a = new GossipRig("node-a");
        var b = new GossipRig("node-b", seed: 8);
        b.Receive(At(1), new NodeId("node-x"), new GossipDelta([Entry("node-x", 1, 3)], null));
        a.Tick(a.Machine.NextDeadline, Peers());
        b.Tick(b.Machine.NextDeadline, Peers());
        var now = At(20);

        var digest = (GossipDigest)Assert.Single(a.Tick(a.Machine.NextDeadline, Peers("node-b")).Messages).Message;
        var answer = Assert.Single(b.Receive(now, A, digest).Messages);
        Assert.Equal((A, true), (answer.To, answer.IsResponse));
        var delta = (GossipDelta)answer.Message;
        Assert.Equal(["node-b", "node-x"], delta.Entries.Select(e => e.Node.Value));
        Assert.Equal(b.Table.Page(null, null, b.Config.DigestBytesMax), delta.Digest);

        var atA = a.Receive(now, B, delta);
        Assert.Equal(
            [new GossipEntryUpdated(B, 1, 1), new GossipEntryUpdated(new NodeId("node-x"), 1, 3)],
            NoticesOf<GossipEntryUpdated>(atA));
        var push = Assert.Single(atA.Messages);
        Assert.Equal((B, false), (push.To, push.IsResponse));
        Assert.Equal(new GossipDelta([a.Table.Entries()[0]], null), push.Message);

        var atB = b.Receive(now, A, push.Message);
        Assert.Equal(new GossipEntryUpdated(A, 1, 1), Assert.Single(atB.Notices));
        Assert.Empty(atB.Messages);
        Assert.Equal(a.Table.Entries().AsEnumerable(), b.Table.Entries().AsEnumerable());
    }

    [Fact]
    public void Digest_BothSidesAgree_IsNotAnswered()
    {
        var a = new GossipRig("node-a");
        var b = new GossipRig("node-b");
        var entries = ImmutableArray.Create(Entry("node-x", 1, 1), Entry("node-y", 2, 5));
        a.Receive(At(1), B, new GossipDelta(entries, null));
        b.Receive(At(1), A, new GossipDelta(entries, null));

        var ready = b.Receive(At(2), A, new GossipDigest(a.Table.Page(null, null, 24 * 1024)));

        Assert.Empty(ready.Messages);
        Assert.Empty(ready.Notices);
    }

    [Fact]
    public void Digest_OnlyTheInitiatorIsBehind_IsAnsweredWithEntriesAndNoPage()
    {
        var b = new GossipRig("node-b");
        b.Receive(At(1), A, new GossipDelta([Entry("node-x", 1, 2)], null));

        var answer = (GossipDelta)Assert.Single(b.Receive(At(2), A, new GossipDigest(DigestPage.Empty)).Messages).Message;

        Assert.Equal<NodeStateEntry>([Entry("node-x", 1, 2)], answer.Entries);
        Assert.Null(answer.Digest);
    }

    [Fact]
    public void Delta_AboutTheReceiverItself_IsIgnored()
    {
        var a = new GossipRig("node-a");
        a.Tick(a.Machine.NextDeadline, Peers());

        var ready = a.Receive(At(20), B, new GossipDelta([Entry("node-a", 7, 7)], null));

        Assert.Empty(ready.Notices);
        Assert.True(a.Table.TryGet(A, out var own));
        Assert.Equal(1, own.Incarnation);
    }

    [Fact]
    public void Messages_FromItself_AreIgnored()
    {
        var a = new GossipRig("node-a");

        Assert.Empty(a.Receive(At(1), A, new GossipDelta([Entry("node-x", 1, 1)], null)).Notices);
        Assert.Empty(a.Receive(At(1), A, new GossipDigest(DigestPage.Empty)).Messages);
    }

    [Fact]
    public void Delta_StaleOrDuplicate_ChangesNothingAndSaysNothing()
    {
        var a = new GossipRig("node-a");
        a.Receive(At(1), B, new GossipDelta([Entry("node-x", 2, 1)], null));

        var ready = a.Receive(At(2), B, new GossipDelta([Entry("node-x", 1, 9), Entry("node-y", 1, 1)], null));
        var again = a.Receive(At(3), B, new GossipDelta([Entry("node-x", 2, 1)], null));

        Assert.Equal(new GossipEntryUpdated(new NodeId("node-y"), 1, 1), Assert.Single(ready.Notices));
        Assert.Empty(again.Notices);
    }

    [Fact]
    public void Entry_NotChangedForTheTtl_ExpiresAtExactlyThatTime_AndIsNotRevivedByStaleCopies()
    {
        var a = new GossipRig("node-a");
        a.Receive(At(5), B, new GossipDelta([Entry("node-x", 1, 1)], null));
        var steps = a.RunUntil(At(300), Peers());

        var expiry = steps.Single(s => NoticesOf<GossipEntryExpired>(s.Ready).Any());
        Assert.Equal(At(205), expiry.At);
        Assert.Equal(new GossipEntryExpired(new NodeId("node-x"), 1, 1), NoticesOf<GossipEntryExpired>(expiry.Ready).Single());
        Assert.Empty(a.Receive(At(300), B, new GossipDelta([Entry("node-x", 1, 1)], null)).Notices);
        Assert.Single(a.Receive(At(301), B, new GossipDelta([Entry("node-x", 1, 2)], null)).Notices);
    }

    [Fact]
    public void OwnEntry_NeverExpires()
    {
        var a = new GossipRig("node-a", config: Configs.Gossip with { RefreshInterval = Duration.FromHours(1), EntryTtl = Duration.FromHours(3) });

        var steps = a.RunUntil(At(20_000), Peers());

        Assert.DoesNotContain(steps, s => NoticesOf<GossipEntryExpired>(s.Ready).Any());
        Assert.True(a.Table.TryGet(A, out _));
    }

    [Fact]
    public void Table_Full_RefusesNewNodesAndCountsThem()
    {
        var a = new GossipRig("node-a", config: Configs.Gossip with { EntriesMax = 2 });
        a.Tick(a.Machine.NextDeadline, Peers());

        var ready = a.Receive(At(20), B, new GossipDelta([Entry("node-x", 1, 1), Entry("node-y", 1, 1)], null));

        Assert.Equal(new GossipEntryUpdated(new NodeId("node-x"), 1, 1), Assert.Single(ready.Notices));
        Assert.Equal(1, a.Machine.RefusedCount);
        Assert.Equal(2, a.Table.Count);
    }

    [Fact]
    public void Answer_ManyEntries_IsCappedPerMessage_AndTheRestFollowsLater()
    {
        var b = new GossipRig("node-b");
        var many = Enumerable.Range(0, 12).Select(i => Entry("n" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), 1, 1)).ToImmutableArray();
        b.Receive(At(1), new NodeId("node-z"), new GossipDelta(many, null));
        var a = new GossipRig("node-a");

        var rounds = 0;
        while (a.Table.Count < 12 && rounds++ < 10)
        {
            var answer = Assert.Single(b.Receive(At(2), A, new GossipDigest(a.Table.Page(null, null, 24 * 1024))).Messages);
            Assert.InRange(((GossipDelta)answer.Message).Entries.Length, 1, 8);
            a.Receive(At(2), B, answer.Message);
        }

        Assert.Equal(2, rounds);
        Assert.Equal(many.AsEnumerable(), a.Table.Entries().AsEnumerable());
    }

    [Fact]
    public void Rounds_TableLargerThanOnePage_WalkThePagesInTurn_AndAntiEntropySendsThemAll()
    {
        const int digestBytes = DigestPage.HeaderBytesMax + DigestItem.EncodedBytesMax;
        var config = Configs.Gossip with { EntriesMax = 64, DigestBytesMax = digestBytes };
        var a = new GossipRig("node-a", config: config);
        var many = Enumerable.Range(0, 60).Select(i => Entry("n" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), 1, 1)).ToImmutableArray();
        a.Receive(At(1), B, new GossipDelta(many, null));

        var steps = a.RunUntil(At(100), Peers("node-b"));
        var pages = steps.SelectMany(s => s.Ready.Messages).Select(m => ((GossipDigest)m.Message).Page).ToArray();

        var rounds = pages.Take(3).Select(p => (p.After?.Value, p.Through?.Value)).ToArray();
        Assert.Equal([(null, "n45"), ("n45", null), (null, "n45")], rounds);
        var antiEntropy = steps.First(s => s.At >= At(60) && s.Ready.Messages.Count == 2).Ready.Messages;
        Assert.Equal([(null, "n45"), ("n45", null)], antiEntropy.Select(m => (((GossipDigest)m.Message).Page.After?.Value, ((GossipDigest)m.Message).Page.Through?.Value)));
    }
}
