using System;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A binary min-heap of <see cref="SimEvent"/> ordered by (time, sequence). Assigns the sequence
/// itself, so callers cannot create ties. Bounded: exceeding <c>capacityMax</c> is a bug.
/// </summary>
internal sealed class EventQueue(int capacityMax)
{
    private SimEvent[] _heap = new SimEvent[1024];
    private int _count;
    private long _nextSequence;

    public int Count => _count;

    public void Schedule(long time, EventKind kind, int node, int peer = 0, long token = 0, object? payload = null)
    {
        Invariant.True(_count < capacityMax);
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        var item = new SimEvent(time, _nextSequence++, kind, node, peer, token, payload);
        var index = _count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!item.Precedes(_heap[parent])) break;
            _heap[index] = _heap[parent];
            index = parent;
        }
        _heap[index] = item;
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
        var last = _heap[--_count];
        _heap[_count] = default;
        if (_count > 0) SiftDown(last);
        return top;
    }

    private void SiftDown(in SimEvent item)
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
}
