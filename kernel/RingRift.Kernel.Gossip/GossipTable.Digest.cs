using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace RingRift.Kernel.Gossip;

public sealed partial class GossipTable
{
    private readonly List<NodeStateEntry> _delta = new();
    private readonly WireWriter _scratch = new(NodeStateEntry.EncodedBytesMax);
    private DigestPage? _wholePage;
    private int _wholePageVersion = -1;
    private int _wholePageBytes;

    /// <summary>
    /// The digest of the rows in (<paramref name="after"/>, <paramref name="through"/>], tombstones
    /// included (their stamps hold back stale copies), encoded in at most <paramref name="bytesMax"/>
    /// bytes. When the rows do not all fit, the page ends at the last row that does, and its
    /// <see cref="DigestPage.Through"/> says where the next page starts. The page over the whole id
    /// space is cached until the table changes, so steady-state rounds allocate nothing for it.
    /// </summary>
    public DigestPage Page(NodeId? after, NodeId? through, int bytesMax)
    {
        Invariant.True(bytesMax >= DigestPage.HeaderBytesMax + DigestItem.EncodedBytesMax);
        var whole = after is null && through is null;
        if (whole && _wholePage is { } cached && _wholePageVersion == Version && _wholePageBytes == bytesMax) return cached;
        var first = FirstAfter(after);
        var (count, end) = CountFitting(first, through, bytesMax - DigestPage.HeaderBytesMax);
        var items = new DigestItem[count];
        for (var i = 0; i < count; i++) items[i] = _slots[first + i].Entry.Item;
        var page = DigestPage.OfSortedRows(after, end, ImmutableCollectionsMarshal.AsImmutableArray(items));
        if (whole) (_wholePage, _wholePageVersion, _wholePageBytes) = (page, Version, bytesMax);
        return page;
    }

    /// <summary>
    /// The live entries in <paramref name="page"/>'s range that are newer than it claims or absent
    /// from it, in node-id order: at most <paramref name="entriesMax"/> of them and at most
    /// <paramref name="bytesMax"/> bytes encoded. A capped delta is the prefix that fits; the rest
    /// follows in later exchanges, once the peer's digest shows it has the prefix.
    /// </summary>
    public ImmutableArray<NodeStateEntry> DeltaFor(DigestPage page, int entriesMax, int bytesMax) =>
        DeltaFor(page, entriesMax, bytesMax, out _);

    /// <summary>
    /// <see cref="DeltaFor(DigestPage, int, int)"/>, and in the same pass whether the page claims
    /// an entry this table lacks or holds older (<paramref name="pageIsAhead"/>): one merge of two
    /// sorted lists, so answering a digest costs one walk over the range.
    /// </summary>
    public ImmutableArray<NodeStateEntry> DeltaFor(DigestPage page, int entriesMax, int bytesMax, out bool pageIsAhead)
    {
        pageIsAhead = false;
        if (MatchesWholeTable(page)) return ImmutableArray<NodeStateEntry>.Empty;
        var slots = CollectionsMarshal.AsSpan(_slots);
        var items = page.Items.AsSpan();
        var bounded = page.Through.HasValue;
        var limit = page.Through.GetValueOrDefault().Value;
        int row = FirstAfter(page.After), claim = 0, bytes = 0;
        var capped = false;
        _delta.Clear();
        while (!(capped && pageIsAhead))
        {
            var haveRow = row < slots.Length && (!bounded || string.CompareOrdinal(slots[row].Node.Value, limit) <= 0);
            if (!haveRow && claim == items.Length) break;
            var order = !haveRow ? 1 : claim == items.Length ? -1 : CompareNodes(slots[row].Node.Value, items[claim].Node.Value);
            if (order == 0) order = slots[row].Entry.Stamp.CompareTo(items[claim].Stamp) switch { > 0 => -2, < 0 => 2, _ => 0 };
            // -1: only this table has the node; 1: only the page; ±2: both, one side newer; 0: equal.
            if (order < 0 && !capped) capped = !Offer(slots[row], entriesMax, bytesMax, ref bytes);
            if (order > 0) pageIsAhead = true;
            if (order is not 1) row++;
            if (order is not -1) claim++;
        }
        return _delta.Count == 0 ? ImmutableArray<NodeStateEntry>.Empty : ImmutableArray.Create(CollectionsMarshal.AsSpan(_delta));
    }

    /// <summary>
    /// True when the page lists exactly this table's current whole-table page: the steady state, in
    /// which peers agree and the merge is skipped for an item-by-item equality check.
    /// </summary>
    private bool MatchesWholeTable(DigestPage page) =>
        page.After is null && page.Through is null &&
        _wholePage is { Through: null } mine && _wholePageVersion == Version &&
        mine.Items.AsSpan().SequenceEqual(page.Items.AsSpan());

    /// <summary>Ordinal order, with the common case first: in one process, ids are often the very same string.</summary>
    private static int CompareNodes(string a, string b) => ReferenceEquals(a, b) ? 0 : Math.Sign(string.CompareOrdinal(a, b));

    /// <summary>Adds a live row's entry to the delta if it fits; false once the delta is full.</summary>
    private bool Offer(GossipSlot slot, int entriesMax, int bytesMax, ref int bytes)
    {
        if (slot.IsTombstone) return true;
        var size = slot.EntryBytes(_scratch);
        if (_delta.Count >= entriesMax || bytes + size > bytesMax) return false;
        bytes += size;
        _delta.Add(slot.Entry);
        return true;
    }

    /// <summary>How many rows from <paramref name="first"/> fit the budget and range, and where the page they form ends.</summary>
    private (int Count, NodeId? End) CountFitting(int first, NodeId? through, int budget)
    {
        var count = 0;
        for (var i = first; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (through is { } limit && slot.Node > limit) break;
            var size = slot.ItemBytes;
            // The budget holds at least one item of any size, so a page cut short is not empty.
            if (size > budget) return (count, _slots[i - 1].Node);
            budget -= size;
            count++;
        }
        return (count, through);
    }
}
