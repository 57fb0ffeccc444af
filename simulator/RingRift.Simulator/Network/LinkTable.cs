using System;

namespace RingRift.Simulator.Network;

/// <summary>
/// Which directed links are cut, as an n×n matrix of cut counts: partitions cut both directions, one-way
/// blocks one, flapping links toggle. Faults overlap, so each counts its own cut: a flapping link coming
/// up does not reopen a link a partition also cuts. <see cref="IsBlocked"/> is O(1) on the hot path.
/// </summary>
internal sealed class LinkTable(int nodeCount)
{
    private readonly int[] _cuts = new int[nodeCount * nodeCount];

    /// <summary>How many directed links are cut at least once.</summary>
    public int BlockedCount { get; private set; }

    public bool IsBlocked(int from, int to) => _cuts[from * nodeCount + to] > 0;

    public void Block(int from, int to)
    {
        if (from == to) return;
        ref var cuts = ref _cuts[from * nodeCount + to];
        if (cuts == 0) BlockedCount++;
        cuts++;
    }

    /// <summary>Removes one cut of the link; it opens when no cut is left.</summary>
    public void Unblock(int from, int to)
    {
        ref var cuts = ref _cuts[from * nodeCount + to];
        if (cuts == 0) return;
        cuts--;
        if (cuts == 0) BlockedCount--;
    }

    public void Clear()
    {
        Array.Clear(_cuts);
        BlockedCount = 0;
    }
}
