using System;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// A digest of the node ids in one range of the id space, (<see cref="After"/>, <see cref="Through"/>]
/// in ordinal order; a null bound is open. It claims, for every node in the range, that the sender's
/// newest entry has the listed stamp, or that the sender has none when the node is not listed.
/// <see cref="Items"/> are strictly increasing by node and all inside the range. A table whose digest
/// does not fit one message is described by consecutive pages, so every page stays bounded in bytes.
/// A page keeps its encoding after the first write: a table's page is sent in every round until the
/// table changes, and in the answers to digests, so it is encoded once rather than per message.
/// </summary>
public sealed record DigestPage
{
    private byte[]? _encoded;

    /// <summary>A bound on decoded item counts; pages are bounded in bytes long before this.</summary>
    public const int ItemsWireMax = 1 << 15;

    /// <summary>Both bounds, and an item count below <see cref="ItemsWireMax"/> (a three-byte varint).</summary>
    public const int HeaderBytesMax = 2 * GossipWire.OptionalNodeIdBytesMax + 3;

    public DigestPage(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items)
    {
        Invariant.True(!items.IsDefault);
        Invariant.True(Problem(after, through, items) is null);
        After = after;
        Through = through;
        Items = items;
    }

    /// <summary>A page over the whole id space that lists nothing: "I have no entries".</summary>
    public static readonly DigestPage Empty = new(null, null, ImmutableArray<DigestItem>.Empty);

    public NodeId? After { get; }
    public NodeId? Through { get; }
    public ImmutableArray<DigestItem> Items { get; }

    /// <summary>True when <paramref name="node"/> lies in this page's range.</summary>
    public bool Covers(NodeId node) => (After is not { } after || node > after) && (Through is not { } through || node <= through);

    public void Write(WireWriter writer)
    {
        if (_encoded is { } encoded)
        {
            writer.WriteRaw(encoded);
            return;
        }
        var start = writer.Length;
        WriteFields(writer);
        _encoded = writer.Written[start..].ToArray();
    }

    private void WriteFields(WireWriter writer)
    {
        GossipWire.WriteOptionalNodeId(writer, After);
        GossipWire.WriteOptionalNodeId(writer, Through);
        writer.WriteVarUInt64((ulong)Items.Length);
        foreach (var item in Items) item.Write(writer);
    }

    public static DigestPage Read(ref WireReader reader)
    {
        var after = GossipWire.ReadOptionalNodeId(ref reader);
        var through = GossipWire.ReadOptionalNodeId(ref reader);
        var count = reader.ReadBoundedInt(ItemsWireMax);
        // The count is the sender's claim, so it sizes nothing before the items are actually read.
        var items = ImmutableArray.CreateBuilder<DigestItem>();
        for (var i = 0; i < count; i++) items.Add(DigestItem.Read(ref reader));
        var built = items.DrainToImmutable();
        if (Problem(after, through, built) is { } problem) throw new MalformedMessageException(problem);
        return new DigestPage(after, through, built);
    }

    public bool Equals(DigestPage? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && After == other.After && Through == other.Through && Items.AsSpan().SequenceEqual(other.Items.AsSpan()));

    public override int GetHashCode() => HashCode.Combine(After, Through, Items.Length);

    /// <summary>Why the parts do not form a page, or null when they do.</summary>
    private static string? Problem(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items)
    {
        if (after is { } a && through is { } t && t <= a) return "digest range is empty: " + a + " to " + t;
        NodeId? previous = after;
        foreach (var item in items)
        {
            if (previous is { } p && item.Node <= p) return "digest items out of order at " + item.Node;
            if (through is { } limit && item.Node > limit) return "digest item " + item.Node + " beyond " + limit;
            previous = item.Node;
        }
        return null;
    }
}
