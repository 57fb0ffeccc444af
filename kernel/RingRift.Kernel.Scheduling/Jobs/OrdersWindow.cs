using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A worker's record of its leader's numbered orders (<see cref="JobOrders.Sequence"/>, 1, 2, … per
/// worker within an epoch), so that each is applied at most once and never after the worker has told
/// the leader it is past it. <see cref="Seen"/>: every orders up to it was applied or is given up for
/// good. Orders overtaken by later ones are still applied when they arrive within <c>gapWait</c>; a gap
/// older than that is given up (lost or held orders), and its orders are refused if they come later.
/// </summary>
internal sealed class OrdersWindow(Duration gapWait)
{
    private readonly SortedSet<long> _ahead = new();
    private Instant _gapSince;

    /// <summary>The epoch whose orders are counted.</summary>
    public long Epoch { get; private set; }

    public long Seen { get; private set; }

    /// <summary>True when the orders are to be applied: of the counted epoch or a newer one, neither applied nor given up.</summary>
    public bool TryAccept(Instant now, long epoch, long sequence)
    {
        if (epoch < Epoch) return false;
        if (epoch > Epoch)
        {
            Epoch = epoch;
            Seen = 0;
            _ahead.Clear();
        }
        if (sequence <= Seen || !_ahead.Add(sequence)) return false;
        if (_ahead.Count == 1 && sequence != Seen + 1) _gapSince = now;
        while (_ahead.Remove(Seen + 1)) Seen++;
        return true;
    }

    /// <summary>Gives up the orders missing for longer than the wait: <see cref="Seen"/> passes them.</summary>
    public void GiveUpOldGap(Instant now)
    {
        if (_ahead.Count == 0 || now < _gapSince + gapWait) return;
        Seen = _ahead.Max;
        _ahead.Clear();
    }
}
