using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The merged view of every node's published state: per node, the entry with the greatest
/// <see cref="VersionStamp"/>, in ordinal node-id order. Merging is a per-node maximum, hence
/// commutative, associative and idempotent, and never replaces an entry with an older one. Holds at
/// most <c>capacity</c> rows; a new node beyond that is refused. A row not changed for
/// <c>entryTtl</c> (local clock) expires into a tombstone, which is dropped after another
/// <c>entryTtl</c>; the owner's own row never expires, and only <see cref="Publish"/> changes it.
/// Single-threaded; owned by one machine.
/// </summary>
public sealed partial class GossipTable
{
    private readonly List<GossipSlot> _slots = new();
    private readonly int _capacity;
    private readonly Duration _entryTtl;
    private readonly NodeId? _owner;
    private Instant _nextExpiry = Instant.MaxValue;

    /// <param name="owner">The node this table belongs to, whose entry gossip from others never changes; null for none.</param>
    public GossipTable(int capacity, Duration entryTtl, NodeId? owner = null)
    {
        Invariant.True(capacity >= 1 && entryTtl > Duration.Zero);
        _capacity = capacity;
        _entryTtl = entryTtl;
        _owner = owner;
    }

    /// <summary>Rows held, tombstones included; never more than the capacity.</summary>
    public int Count => _slots.Count;

    /// <summary>Increases whenever any row changes, so that digests are rebuilt only then.</summary>
    public int Version { get; private set; }

    /// <summary>When <see cref="Expire"/> next has something to do (it may find nothing); MaxValue when never.</summary>
    public Instant NextExpiryAt => _nextExpiry;

    /// <summary>The live entry for <paramref name="node"/>; false when absent or expired.</summary>
    public bool TryGet(NodeId node, out NodeStateEntry entry)
    {
        var index = IndexOf(node);
        if (index >= 0 && !_slots[index].IsTombstone)
        {
            entry = _slots[index].Entry;
            return true;
        }
        entry = null!;
        return false;
    }

    /// <summary>Every live entry in node-id order. Allocates: for inspection, not for the hot path.</summary>
    public ImmutableArray<NodeStateEntry> Entries()
    {
        var builder = ImmutableArray.CreateBuilder<NodeStateEntry>(_slots.Count);
        foreach (var slot in _slots)
            if (!slot.IsTombstone) builder.Add(slot.Entry);
        return builder.DrainToImmutable();
    }

    /// <summary>
    /// Keeps <paramref name="entry"/> if it is newer than what the table holds for its node. An entry
    /// with the stamp already held must be that very entry (see <see cref="NodeStateEntry"/>).
    /// Entries about the owner are ignored: a node is the only authority on its own state.
    /// </summary>
    public MergeResult Merge(NodeStateEntry entry, Instant now) =>
        entry.Node == _owner ? MergeResult.Unchanged : Store(entry, now);

    /// <summary>Sets the owner's own entry, which must be newer than the one it replaces.</summary>
    public void Publish(NodeStateEntry own, Instant now)
    {
        Invariant.True(_owner is { } owner && own.Node == owner);
        var result = Store(own, now);
        Invariant.True(result is MergeResult.Inserted or MergeResult.Replaced);
    }

    /// <summary>
    /// Turns rows unchanged for the TTL into tombstones, adding each to <paramref name="expired"/>,
    /// and drops tombstones older than the TTL. Order is kept, so the list is in node-id order.
    /// </summary>
    public void Expire(Instant now, List<DigestItem> expired)
    {
        if (now < _nextExpiry) return;
        var next = Instant.MaxValue;
        var kept = 0;
        var buried = expired.Count;
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            var owned = slot.Node == _owner;
            if (!owned && now >= slot.ChangedAt + _entryTtl)
            {
                if (slot.IsTombstone) continue;
                slot.Bury(now);
                expired.Add(slot.Entry.Item);
            }
            if (!owned) next = Instant.Min(next, slot.ChangedAt + _entryTtl);
            _slots[kept++] = slot;
        }
        if (kept < _slots.Count || expired.Count > buried) Version++;
        _slots.RemoveRange(kept, _slots.Count - kept);
        _nextExpiry = next;
    }

    private MergeResult Store(NodeStateEntry entry, Instant now)
    {
        var index = IndexOf(entry.Node);
        if (index < 0)
        {
            if (_slots.Count >= _capacity) return MergeResult.Refused;
            _slots.Insert(~index, new GossipSlot(entry, now, NodeIdBytes(entry.Node)));
            Invariant.True(_slots.Count <= _capacity);
            Changed(now);
            return MergeResult.Inserted;
        }
        var slot = _slots[index];
        var order = entry.Stamp.CompareTo(slot.Entry.Stamp);
        if (order < 0) return MergeResult.Unchanged;
        if (order == 0)
        {
            Invariant.True(entry.Equals(slot.Entry));
            return MergeResult.Unchanged;
        }
        slot.Replace(entry, now);
        Changed(now);
        return MergeResult.Replaced;
    }

    private int NodeIdBytes(NodeId node)
    {
        _scratch.Reset();
        _scratch.WriteNodeId(node);
        return _scratch.Length;
    }

    /// <summary>A changed row expires one TTL from now; rows whose expiry moved later are found by the next scan.</summary>
    private void Changed(Instant now)
    {
        Version++;
        _nextExpiry = Instant.Min(_nextExpiry, now + _entryTtl);
    }

    /// <summary>The row of <paramref name="node"/>, or the bitwise complement of where it would go.</summary>
    private int IndexOf(NodeId node)
    {
        int low = 0, high = _slots.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = _slots[middle].Node.CompareTo(node);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    /// <summary>The first row strictly after <paramref name="after"/>; 0 when null.</summary>
    private int FirstAfter(NodeId? after)
    {
        if (after is not { } node) return 0;
        var index = IndexOf(node);
        return index >= 0 ? index + 1 : ~index;
    }
}
