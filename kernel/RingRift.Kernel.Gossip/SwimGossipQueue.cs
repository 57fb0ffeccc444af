using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// The updates waiting to be piggybacked (memberlist's TransmitLimitedQueue). At most one state update
/// (alive, suspect, dead) and one beat per node: a newer update about a node replaces the older one and
/// starts its count again. Each message takes state updates before beats (beats come every period and
/// must not crowd out a death), the least transmitted first, the newest first among equals; an update
/// leaves once piggybacked the retransmit limit of times. Bounded by <c>entriesMax</c>.
/// </summary>
internal sealed class SwimGossipQueue(int entriesMax)
{
    private readonly List<Entry> _entries = new();
    private readonly Dictionary<NodeId, Entry> _states = new();
    private readonly Dictionary<NodeId, Entry> _beats = new();
    private Entry[] _best = new Entry[8];
    private long _nextOrder = 1;

    public int Count => _entries.Count;

    public void Enqueue(in SwimUpdate update)
    {
        var index = update.Kind == SwimUpdateKind.Beat ? _beats : _states;
        if (!index.TryGetValue(update.Node, out var entry))
        {
            Invariant.True(_entries.Count < entriesMax);
            entry = new Entry();
            _entries.Add(entry);
            index.Add(update.Node, entry);
        }
        entry.Update = update;
        entry.Transmits = 0;
        entry.Order = _nextOrder++;
    }

    /// <summary>
    /// Appends queued updates to <paramref name="into"/> until it holds <paramref name="max"/>, skipping
    /// state updates about <paramref name="skipStateOf"/> (the caller already put its own); each one taken
    /// counts a transmission, and those sent <paramref name="limit"/> times leave the queue. One pass over
    /// the queue, keeping the best few in a sorted buffer.
    /// </summary>
    public void Fill(List<SwimUpdate> into, int max, int limit, NodeId skipStateOf)
    {
        var wanted = max - into.Count;
        if (wanted <= 0 || _entries.Count == 0) return;
        if (_best.Length < wanted) _best = new Entry[wanted];
        var kept = 0;
        foreach (var entry in _entries)
        {
            if (entry.Update.Kind != SwimUpdateKind.Beat && entry.Update.Node == skipStateOf) continue;
            if (kept == wanted && !Precedes(entry, _best[kept - 1])) continue;
            var at = kept < wanted ? kept++ : kept - 1;
            while (at > 0 && Precedes(entry, _best[at - 1]))
            {
                _best[at] = _best[at - 1];
                at--;
            }
            _best[at] = entry;
        }
        for (var i = 0; i < kept; i++)
        {
            _best[i].Transmits++;
            into.Add(_best[i].Update);
            _best[i] = null!;
        }
        if (kept > 0) RemoveExhausted(limit);
    }

    private static bool Precedes(Entry a, Entry b)
    {
        var aBeat = a.Update.Kind == SwimUpdateKind.Beat;
        if (aBeat != (b.Update.Kind == SwimUpdateKind.Beat)) return !aBeat;
        if (a.Transmits != b.Transmits) return a.Transmits < b.Transmits;
        return a.Order > b.Order;
    }

    private void RemoveExhausted(int limit)
    {
        var kept = 0;
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (entry.Transmits < limit)
            {
                _entries[kept++] = entry;
                continue;
            }
            (entry.Update.Kind == SwimUpdateKind.Beat ? _beats : _states).Remove(entry.Update.Node);
        }
        _entries.RemoveRange(kept, _entries.Count - kept);
    }

    private sealed class Entry
    {
        public SwimUpdate Update;
        public int Transmits;
        public long Order;
    }
}
