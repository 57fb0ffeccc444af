using System;

namespace RingRift.Simulator.Network;

/// <summary>
/// Which directed links are cut, as an n×n matrix: partitions cut both directions, one-way blocks
/// one, flapping links toggle. <see cref="IsBlocked"/> is O(1) on the hot path.
/// </summary>
internal sealed class LinkTable(int nodeCount)
{
    private readonly bool[] _blocked = new bool[nodeCount * nodeCount];

    public int BlockedCount { get; private set; }

    public bool IsBlocked(int from, int to) => _blocked[from * nodeCount + to];

    public void Block(int from, int to)
    {
        if (from == to) return;
        ref var cell = ref _blocked[from * nodeCount + to];
        if (!cell) BlockedCount++;
        cell = true;
    }

    public void Unblock(int from, int to)
    {
        ref var cell = ref _blocked[from * nodeCount + to];
        if (cell) BlockedCount--;
        cell = false;
    }

    public void Clear()
    {
        Array.Clear(_blocked);
        BlockedCount = 0;
    }
}
