using RingRift.Kernel;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// How the cluster sees each node: for every peer, how many observers hold it in each membership state.
/// Only observers with a kernel count (running or paused); a booting observer starts with every peer
/// Alive, as the kernel does, and a crashed one's views are withdrawn. The state most observers hold is
/// the peer's (ties go to the worse state). O(1) per state change, O(n) per boot or crash.
/// </summary>
internal sealed class MajorityView(int nodeCount)
{
    private const int States = 4;
    private readonly MemberState[] _views = new MemberState[nodeCount * nodeCount];
    private readonly bool[] _observing = new bool[nodeCount];
    private readonly int[] _counts = new int[nodeCount * States];

    public void Boot(int observer)
    {
        if (_observing[observer]) Withdraw(observer);
        _observing[observer] = true;
        for (var peer = 0; peer < nodeCount; peer++)
        {
            if (peer == observer) continue;
            _views[observer * nodeCount + peer] = MemberState.Alive;
            _counts[peer * States + (int)MemberState.Alive]++;
        }
    }

    public void Crash(int observer)
    {
        if (_observing[observer]) Withdraw(observer);
        _observing[observer] = false;
    }

    public void Change(int observer, int peer, MemberState to)
    {
        if (!_observing[observer] || observer == peer) return;
        ref var view = ref _views[observer * nodeCount + peer];
        _counts[peer * States + (int)view]--;
        view = to;
        _counts[peer * States + (int)to]++;
    }

    /// <summary>The state most observers hold of <paramref name="peer"/>; Alive when nobody observes.</summary>
    public MemberState Of(int peer)
    {
        var best = MemberState.Alive;
        var bestCount = 0;
        for (var s = 0; s < States; s++)
        {
            var count = _counts[peer * States + s];
            if (count > 0 && count >= bestCount) (best, bestCount) = ((MemberState)s, count);
        }
        return best;
    }

    private void Withdraw(int observer)
    {
        for (var peer = 0; peer < nodeCount; peer++)
            if (peer != observer) _counts[peer * States + (int)_views[observer * nodeCount + peer]]--;
    }
}
