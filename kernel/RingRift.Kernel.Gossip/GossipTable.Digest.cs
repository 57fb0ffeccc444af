using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

public sealed partial class GossipTable
{
    private readonly List<DigestItem> _pageItems = new();
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
        var budget = bytesMax - DigestPage.HeaderBytesMax;
        var end = through;
        _pageItems.Clear();
        for (var i = FirstAfter(after); i < _slots.Count; i++)
        {
            var item = _slots[i].Entry.Item;
            if (through is { } limit && item.Node > limit) break;
            var size = Measure(item);
            if (size > budget)
            {
                // The budget holds at least one item of any size, so this page is not empty.
                end = _pageItems[^1].Node;
                break;
            }
            budget -= size;
            _pageItems.Add(item);
        }
        var page = new DigestPage(after, end, ImmutableArray.CreateRange(_pageItems));
        if (whole) (_wholePage, _wholePageVersion, _wholePageBytes) = (page, Version, bytesMax);
        return page;
    }

    /// <summary>
    /// The live entries in <paramref name="page"/>'s range that are newer than it claims or absent
    /// from it, in node-id order: at most <paramref name="entriesMax"/> of them and at most
    /// <paramref name="bytesMax"/> bytes encoded. A capped delta is the prefix that fits; the rest
    /// follows in later exchanges, once the peer's digest shows it has the prefix.
    /// </summary>
    public ImmutableArray<NodeStateEntry> DeltaFor(DigestPage page, int entriesMax, int bytesMax)
    {
        var items = page.Items;
        var claimed = 0;
        var bytes = 0;
        _delta.Clear();
        for (var i = FirstAfter(page.After); i < _slots.Count && _delta.Count < entriesMax; i++)
        {
            var slot = _slots[i];
            if (page.Through is { } limit && slot.Node > limit) break;
            while (claimed < items.Length && items[claimed].Node < slot.Node) claimed++;
            if (slot.IsTombstone) continue;
            if (claimed < items.Length && items[claimed].Node == slot.Node && slot.Entry.Stamp <= items[claimed].Stamp) continue;
            var size = Measure(slot.Entry);
            if (bytes + size > bytesMax) break;
            bytes += size;
            _delta.Add(slot.Entry);
        }
        return _delta.Count == 0 ? ImmutableArray<NodeStateEntry>.Empty : ImmutableArray.CreateRange(_delta);
    }

    /// <summary>True when <paramref name="page"/> claims an entry this table lacks or holds older.</summary>
    public bool IsBehind(DigestPage page)
    {
        var row = FirstAfter(page.After);
        foreach (var item in page.Items)
        {
            while (row < _slots.Count && _slots[row].Node < item.Node) row++;
            if (row == _slots.Count || _slots[row].Node != item.Node || _slots[row].Entry.Stamp < item.Stamp) return true;
        }
        return false;
    }

    private int Measure(in DigestItem item)
    {
        _scratch.Reset();
        item.Write(_scratch);
        return _scratch.Length;
    }

    private int Measure(NodeStateEntry entry)
    {
        _scratch.Reset();
        entry.Write(_scratch);
        return _scratch.Length;
    }
}
