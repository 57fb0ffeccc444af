using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.GossipGen;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class GossipTableTests
{
    private static readonly Duration Ttl = Duration.FromSeconds(100);

    [Fact]
    public void Merge_NewerIncarnation_WinsOverAnyVersionOfAnOlderOne()
    {
        var table = new GossipTable(8, Ttl);
        table.Merge(Entry("b", 1, 900), At(0));

        Assert.Equal(MergeResult.Replaced, table.Merge(Entry("b", 2, 1), At(1)));
        Assert.Equal(MergeResult.Unchanged, table.Merge(Entry("b", 1, 901), At(2)));
        Assert.True(table.TryGet(new NodeId("b"), out var held));
        Assert.Equal(Entry("b", 2, 1), held);
    }

    [Fact]
    public void Merge_SameStampDifferentContent_IsABug()
    {
        var table = new GossipTable(8, Ttl);
        var entry = Entry("b", 1, 1);
        table.Merge(entry, At(0));

        Assert.Throws<InvariantViolationException>(() => table.Merge(entry with { Summary = NodeSummary.Idle }, At(1)));
    }

    [Fact]
    public void Merge_WhenFull_RefusesNewNodesButStillUpdatesKnownOnes()
    {
        var table = new GossipTable(2, Ttl);
        table.Merge(Entry("a", 1, 1), At(0));
        table.Merge(Entry("b", 1, 1), At(0));

        Assert.Equal(MergeResult.Refused, table.Merge(Entry("c", 1, 1), At(1)));
        Assert.Equal(MergeResult.Replaced, table.Merge(Entry("b", 1, 2), At(1)));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Merge_AboutTheOwner_IsIgnored_OnlyPublishChangesIt()
    {
        var table = new GossipTable(8, Ttl, owner: new NodeId("a"));

        Assert.Equal(MergeResult.Unchanged, table.Merge(Entry("a", 9, 9), At(0)));
        table.Publish(Entry("a", 1, 1), At(0));
        Assert.True(table.TryGet(new NodeId("a"), out var own));
        Assert.Equal(Entry("a", 1, 1), own);
        Assert.Throws<InvariantViolationException>(() => table.Publish(Entry("a", 1, 1), At(1)));
        Assert.Throws<InvariantViolationException>(() => table.Publish(Entry("b", 1, 1), At(1)));
    }

    [Fact]
    public void Expire_AfterTtlSinceLastChange_LeavesATombstoneThatHoldsBackStaleCopies()
    {
        var table = new GossipTable(8, Ttl, owner: new NodeId("a"));
        table.Publish(Entry("a", 1, 1), At(0));
        table.Merge(Entry("b", 1, 1), At(0));
        table.Merge(Entry("b", 1, 2), At(30));
        var expired = new List<DigestItem>();

        table.Expire(At(129), expired);
        Assert.Empty(expired);
        Assert.Equal(At(130), table.NextExpiryAt);
        table.Expire(At(130), expired);

        Assert.Equal([new DigestItem(new NodeId("b"), 1, 2)], expired);
        Assert.False(table.TryGet(new NodeId("b"), out _));
        Assert.True(table.TryGet(new NodeId("a"), out _));
        Assert.Equal(MergeResult.Unchanged, table.Merge(Entry("b", 1, 2), At(131)));
        Assert.Equal(MergeResult.Replaced, table.Merge(Entry("b", 1, 3), At(131)));
    }

    [Fact]
    public void Expire_TombstoneOlderThanTtl_IsDropped()
    {
        var table = new GossipTable(8, Ttl);
        table.Merge(Entry("b", 1, 1), At(0));
        var expired = new List<DigestItem>();
        table.Expire(At(100), expired);

        table.Expire(At(200), expired);

        Assert.Equal(0, table.Count);
        Assert.Equal(Instant.MaxValue, table.NextExpiryAt);
        Assert.Single(expired);
    }

    [Fact]
    public void Page_TombstonesIncluded_DeltaLeavesThemOut()
    {
        var table = new GossipTable(8, Ttl);
        table.Merge(Entry("b", 1, 1), At(0));
        table.Merge(Entry("c", 1, 1), At(50));
        table.Expire(At(100), new List<DigestItem>());

        var page = table.Page(null, null, 24 * 1024);

        Assert.Equal<DigestItem>([new DigestItem(new NodeId("b"), 1, 1), new DigestItem(new NodeId("c"), 1, 1)], page.Items);
        Assert.Equal<NodeStateEntry>([Entry("c", 1, 1)], table.DeltaFor(DigestPage.Empty, 8, 60_000));
    }

    [Fact]
    public void Page_TooManyRowsForTheBudget_EndsAtTheLastThatFitsAndContinuesFromThere()
    {
        // The smallest valid budget leaves 278 bytes for items: 46 items of 6 bytes ("n00" with its
        // length, and two one-byte varints).
        const int budget = DigestPage.HeaderBytesMax + DigestItem.EncodedBytesMax;
        var table = new GossipTable(64, Ttl);
        for (var i = 0; i < 60; i++) table.Merge(Entry("n" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), 1, 1), At(0));

        var first = table.Page(null, null, budget);
        var second = table.Page(first.Through, null, budget);

        Assert.Equal((null, new NodeId("n45"), 46), (first.After, first.Through, first.Items.Length));
        Assert.Equal((new NodeId("n45"), null, 14), (second.After, second.Through, second.Items.Length));
        Assert.Equal(new NodeId("n46"), second.Items[0].Node);
    }

    [Fact]
    public void Page_WholeTable_IsCachedUntilTheTableChanges()
    {
        var table = new GossipTable(8, Ttl);
        table.Merge(Entry("b", 1, 1), At(0));

        var first = table.Page(null, null, 24 * 1024);
        Assert.Same(first, table.Page(null, null, 24 * 1024));
        table.Merge(Entry("b", 1, 1), At(1));
        Assert.Same(first, table.Page(null, null, 24 * 1024));
        table.Merge(Entry("b", 1, 2), At(2));
        Assert.NotSame(first, table.Page(null, null, 24 * 1024));
    }

    [Fact]
    public void DeltaFor_PageRange_OnlyCoversNodesInsideIt()
    {
        var table = new GossipTable(8, Ttl);
        foreach (var name in new[] { "a", "b", "c", "d" }) table.Merge(Entry(name, 1, 1), At(0));
        var page = new DigestPage(new NodeId("a"), new NodeId("c"), ImmutableArray.Create(new DigestItem(new NodeId("b"), 1, 1)));

        var delta = table.DeltaFor(page, 8, 60_000, out var ahead);

        Assert.Equal<NodeStateEntry>([Entry("c", 1, 1)], delta);
        Assert.False(ahead);
    }

    [Fact]
    public void DeltaFor_CappedByCountAndBytes_SendsThePrefixThatFits()
    {
        var table = new GossipTable(8, Ttl);
        foreach (var name in new[] { "a", "b", "c" }) table.Merge(Entry(name, 1, 1), At(0));
        var writer = new WireWriter();
        Entry("a", 1, 1).Write(writer);
        var one = writer.Length;

        Assert.Equal<NodeStateEntry>([Entry("a", 1, 1), Entry("b", 1, 1)], table.DeltaFor(DigestPage.Empty, 2, 60_000));
        Assert.Equal<NodeStateEntry>([Entry("a", 1, 1)], table.DeltaFor(DigestPage.Empty, 8, one + one - 1));
        Assert.Empty(table.DeltaFor(DigestPage.Empty, 8, one - 1));
    }
}
