using System;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.GossipGen;

namespace RingRift.Kernel.Tests.Wire;

public sealed class GossipCodecTests
{
    [Fact]
    public void GossipDigest_EncodeThenDecode_RoundTripsEveryField()
    {
        var page = new DigestPage(new NodeId("a"), new NodeId("node-é"),
            [new DigestItem(new NodeId("b"), 3, 9), new DigestItem(new NodeId("node-é"), 0, long.MaxValue)]);

        var received = Assert.IsType<GossipDigest>(Decode(Encode(new GossipDigest(page))));

        Assert.Equal(page, received.Page);
        Assert.Equal(page.Items.AsEnumerable(), received.Page.Items.AsEnumerable());
    }

    [Fact]
    public void GossipDelta_EncodeThenDecode_RoundTripsEveryField()
    {
        var rich = new NodeStateEntry(new NodeId("vast-rtx5090-7"), 4, 17,
            new NodeSummary(Profiles.RichLoad(), 0xFEED_FACE_CAFE_BEEF, new NodeId("hetzner-cpu1"), 12));
        var sent = new GossipDelta([Entry("a", 1, 1), rich], DigestPage.Empty);

        var received = Assert.IsType<GossipDelta>(Decode(Encode(sent)));

        Assert.Equal(rich, received.Entries[1]);
        Assert.Equal(sent, received);
        Assert.Equal(new GossipDelta([rich], null), Decode(Encode(new GossipDelta([rich], null))));
    }

    [Fact]
    public void GossipDigest_Minimal_HasGoldenBytes()
    {
        // Tag 20; no lower bound; upper bound "b"; one item: "a", incarnation 1, version 2 (zig-zag).
        var digest = new GossipDigest(new DigestPage(null, new NodeId("b"), [new DigestItem(new NodeId("a"), 1, 2)]));

        Assert.Equal("14-00-01-01-62-01-01-61-02-04", BitConverter.ToString(Encode(digest)));
    }

    [Fact]
    public void GossipDelta_Empty_HasGoldenBytes()
    {
        Assert.Equal("15-00-00", BitConverter.ToString(Encode(new GossipDelta([], null))));
    }

    [Fact]
    public void Page_EncodedTwice_GivesTheSameBytesFromItsCache()
    {
        var page = new DigestPage(null, null, [new DigestItem(new NodeId("a"), 1, 2)]);
        var first = Encode(new GossipDigest(page));
        var writer = new WireWriter();
        writer.WriteByte(0xAA);

        page.Write(writer);

        Assert.Equal(first.AsSpan(1).ToArray(), writer.Written[1..].ToArray());
    }

    [Fact]
    public void Digest_ItemsOutOfOrder_IsRejected()
    {
        var writer = PageHeader(null, null, count: 2);
        Item(writer, "b");
        Item(writer, "a");

        AssertRejected(writer, "digest items out of order at a");
    }

    [Fact]
    public void Digest_DuplicateItem_IsRejected()
    {
        var writer = PageHeader(null, null, count: 2);
        Item(writer, "a");
        Item(writer, "a");

        AssertRejected(writer, "digest items out of order at a");
    }

    [Fact]
    public void Digest_ItemOutsideTheRange_IsRejected()
    {
        var below = PageHeader("b", null, count: 1);
        Item(below, "a");
        var above = PageHeader(null, "b", count: 1);
        Item(above, "c");

        AssertRejected(below, "digest items out of order at a");
        AssertRejected(above, "digest item c beyond b");
    }

    [Fact]
    public void Digest_EmptyRange_IsRejected()
    {
        AssertRejected(PageHeader("b", "b", count: 0), "digest range is empty: b to b");
    }

    [Fact]
    public void Digest_NegativeVersion_IsRejected()
    {
        var writer = PageHeader(null, null, count: 1);
        writer.WriteNodeId(new NodeId("a"));
        writer.WriteVarInt64(1);
        writer.WriteVarInt64(-1);

        AssertRejected(writer, "version is negative: -1");
    }

    [Fact]
    public void Digest_CountBeyondTheWireBound_IsRejectedBeforeReadingItems()
    {
        AssertRejected(PageHeader(null, null, count: DigestPage.ItemsWireMax + 1), "value 32769 exceeds bound 32768");
    }

    [Fact]
    public void Delta_EntriesOutOfOrder_IsRejected()
    {
        var writer = new WireWriter();
        writer.WriteByte((byte)MessageKind.GossipDelta);
        writer.WriteVarUInt64(2);
        Entry("b", 1, 1).Write(writer);
        Entry("a", 1, 1).Write(writer);
        writer.WriteBool(false);

        Assert.False(MessageCodec.TryDecode(writer.Written, out _, out var error));
        Assert.Equal("delta entries out of order at a", error);
    }

    [Fact]
    public void Delta_OutOfOrder_CannotBeBuilt()
    {
        Assert.Throws<InvariantViolationException>(() => new GossipDelta([Entry("b", 1, 1), Entry("a", 1, 1)], null));
        Assert.Throws<InvariantViolationException>(() =>
            new DigestPage(null, null, [new DigestItem(new NodeId("b"), 1, 1), new DigestItem(new NodeId("a"), 1, 1)]));
    }

    [Fact]
    public void EncodedBytesMax_AreExactForTheLargestValues()
    {
        var longest = new NodeId(new string('n', 256));
        var load = new NodeLoad(10_000, 10_000, 10_000,
            new ResourceSample(Ratio.One, Ratio.One, Ratio.One, new ByteSize(long.MinValue), GpuHealth.Misdetected));
        var entry = new NodeStateEntry(longest, long.MaxValue, long.MaxValue,
            new NodeSummary(load, ulong.MaxValue, longest, long.MaxValue));
        var writer = new WireWriter();

        entry.Write(writer);
        Assert.Equal(NodeStateEntry.EncodedBytesMax, writer.Length);
        writer.Reset();
        entry.Item.Write(writer);
        Assert.Equal(DigestItem.EncodedBytesMax, writer.Length);
        writer.Reset();
        new DigestPage(longest, new NodeId(new string('z', 256)), []).Write(writer);
        Assert.Equal(DigestPage.HeaderBytesMax - 2, writer.Length);
    }

    [Fact]
    public void VarIntBytes_MatchesWhatTheWriterWrites()
    {
        var writer = new WireWriter();
        foreach (var value in new[] { 0L, 1L, -1L, 63L, 64L, -65L, 8191L, 8192L, long.MaxValue, long.MinValue })
        {
            writer.Reset();
            writer.WriteVarInt64(value);
            Assert.Equal(writer.Length, GossipWire.VarIntBytes(value));
        }
    }

    private static WireWriter PageHeader(string? after, string? through, int count)
    {
        var writer = new WireWriter();
        writer.WriteByte((byte)MessageKind.GossipDigest);
        GossipWire.WriteOptionalNodeId(writer, after is null ? null : new NodeId(after));
        GossipWire.WriteOptionalNodeId(writer, through is null ? null : new NodeId(through));
        writer.WriteVarUInt64((ulong)count);
        return writer;
    }

    private static void Item(WireWriter writer, string node) => new DigestItem(new NodeId(node), 1, 1).Write(writer);

    private static void AssertRejected(WireWriter writer, string expected)
    {
        Assert.False(MessageCodec.TryDecode(writer.Written, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(expected, error);
    }

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }

    private static Message Decode(byte[] bytes) =>
        MessageCodec.TryDecode(bytes, out var message, out var error) ? message! : throw new InvalidOperationException(error);
}
