using System;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A binary min-heap of <see cref="SimEvent"/> ordered by (time, sequence). Assigns the sequence
/// itself, so callers cannot create ties. Bounded: exceeding <c>capacityMax</c> is a bug.
/// The heap holds only small reference-free keys; each event's other fields wait in a slot of
/// their own, so sifting moves 24-byte plain values, not 48-byte structs that need a GC write
/// barrier on every move (the event loop's largest cost when the heap held whole events).
/// </summary>
internal sealed class EventQueue(int capacityMax)
{
    private const int InitialCapacity = 1024;
    private Key[] _heap = new Key[InitialCapacity];
    private Body[] _bodies = new Body[InitialCapacity];
    private int[] _freeSlots = new int[InitialCapacity];
    private int _freeCount;
    private int _count;
    private long _nextSequence;

    public int Count => _count;

    public void Schedule(long time, EventKind kind, int node, int peer = 0, long token = 0, object? payload = null)
    {
        Invariant.True(_count < capacityMax);
        if (_count == _heap.Length) Grow();
        // Slots in use plus free slots are exactly 0 .. _count + _freeCount - 1, so with none free the next is _count.
        var slot = _freeCount > 0 ? _freeSlots[--_freeCount] : _count;
        _bodies[slot] = new Body(kind, node, peer, token, payload);
        var key = new Key(time, _nextSequence++, slot);
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!key.Precedes(_heap[parent])) break;
            _heap[index] = _heap[parent];
            index = parent;
        }
        _heap[index] = key;
    }

    public bool TryPeekTime(out long time)
    {
        time = _count > 0 ? _heap[0].Time : long.MaxValue;
        return _count > 0;
    }

    public SimEvent Pop()
    {
        Invariant.True(_count > 0);
        var top = _heap[0];
        ref var body = ref _bodies[top.Slot];
        var item = new SimEvent(top.Time, top.Sequence, body.Kind, body.Node, body.Peer, body.Token, body.Payload);
        body = default;
        _freeSlots[_freeCount++] = top.Slot;
        var last = _heap[--_count];
        if (_count > 0) SiftDown(last);
        return item;
    }

    private void SiftDown(Key item)
    {
        var index = 0;
        var half = _count >> 1;
        while (index < half)
        {
            var child = (index << 1) + 1;
            var right = child + 1;
            if (right < _count && _heap[right].Precedes(_heap[child])) child = right;
            if (!_heap[child].Precedes(item)) break;
            _heap[index] = _heap[child];
            index = child;
        }
        _heap[index] = item;
    }

    private void Grow()
    {
        var length = _heap.Length * 2;
        Array.Resize(ref _heap, length);
        Array.Resize(ref _bodies, length);
        Array.Resize(ref _freeSlots, length);
    }

    /// <summary>What the heap orders by, and where the rest of the event waits.</summary>
    private readonly record struct Key(long Time, long Sequence, int Slot)
    {
        public bool Precedes(in Key other) =>
            Time < other.Time || (Time == other.Time && Sequence < other.Sequence);
    }

    /// <summary>The fields of a queued event that play no part in its order.</summary>
    private readonly record struct Body(EventKind Kind, int Node, int Peer, long Token, object? Payload);
}
