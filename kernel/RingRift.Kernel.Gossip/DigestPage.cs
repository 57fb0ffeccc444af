using System;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// A digest of the node ids in one range of the id space, (<see cref="After"/>, <see cref="Through"/>]
/// in ordinal order; a null bound is open. It claims, for every node in the range, that the sender's
/// newest entry has the listed stamp, or that the sender has none when the node is not listed.
/// <see cref="Items"/> are strictly increasing by node and all inside the range. A table whose digest
/// does not fit one message is described by consecutive pages, so every page stays bounded in bytes.
/// A page written a second time keeps its encoding: while a table does not change, its page goes
/// out in every round and in the answers to digests, and is then encoded twice rather than per
/// message; a page written once (the usual case while the cluster changes) costs no copy.
/// </summary>
public sealed record DigestPage
{
    private byte[]? _encoded;
    private bool _writtenOnce;

    /// <summary>A bound on decoded item counts; pages are bounded in bytes long before this.</summary>
    public const int ItemsWireMax = 1 << 15;

    /// <summary>Both bounds, and an item count below <see cref="ItemsWireMax"/> (a three-byte varint).</summary>
    public const int HeaderBytesMax = 2 * GossipWire.OptionalNodeIdBytesMax + 3;

    public DigestPage(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items)
        : this(after, through, items, checkEveryItem: true)
    {
    }

    private DigestPage(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items, bool checkEveryItem)
    {
        Invariant.True(!items.IsDefault);
        Invariant.True((checkEveryItem ? Problem(after, through, items) : EndsProblem(after, through, items)) is null);
        After = after;
        Through = through;
        Items = items;
    }

    /// <summary>
    /// A page of a <see cref="GossipTable"/>'s rows, which are strictly increasing by the table's own
    /// invariant (each row is inserted where a binary search puts it), so only the ends are checked:
    /// a page is built every round, and checking every item again cost more than building it.
    /// </summary>
    internal static DigestPage OfSortedRows(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items) =>
        new(after, through, items, checkEveryItem: false);

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
        if (_writtenOnce) _encoded = writer.Written[start..].ToArray();
        _writtenOnce = true;
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

    /// <summary>Why the range is empty or the first or last item lies outside it, or null.</summary>
    private static string? EndsProblem(NodeId? after, NodeId? through, ImmutableArray<DigestItem> items)
    {
        if (after is { } a && through is { } t && t <= a) return "digest range is empty";
        if (items.Length == 0) return null;
        if (after is { } low && items[0].Node <= low) return "digest item before the range";
        return through is { } high && items[^1].Node > high ? "digest item beyond the range" : null;
    }

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
