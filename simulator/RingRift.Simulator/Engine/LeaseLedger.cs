using RingRift.Kernel;
using RingRift.Kernel.Election;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Every node's leadership lease in true (virtual) time, kept from the notices: a lease starts when a
/// node is elected, moves its end when extended (the node's local deadline mapped through its clock),
/// and ends early when the node steps down or crashes. Only the simulator can know true time, so only
/// it can check that no two leases are valid at the same instant. O(n) per leadership notice, which
/// is rare; nothing per message.
/// </summary>
internal sealed class LeaseLedger(int nodeCount)
{
    private readonly long[] _end = new long[nodeCount];
    private readonly long[] _epoch = new long[nodeCount];
    private readonly Instant[] _localEnd = new Instant[nodeCount];
    private readonly System.Collections.Generic.List<Duration> _failovers = new();
    private long _leaderCrashedAt = -1;

    public long Elections { get; private set; }
    public long LeaderChanges { get; private set; }
    public long MaxEpoch { get; private set; }
    public int MaxValidAtOnce { get; private set; }

    /// <summary>For each crash of a node holding a valid lease, the true time until the next election won (any node).</summary>
    public System.Collections.Generic.IReadOnlyList<Duration> Failovers => _failovers;

    /// <summary>Applies a notice; returns the number of leases valid right now.</summary>
    public int Apply(long now, SimNode node, Notice notice)
    {
        switch (notice)
        {
            case ElectionStarted: Elections++; break;
            case LeaderElected elected:
                LeaderChanges++;
                if (_leaderCrashedAt >= 0) _failovers.Add(new Duration(now - _leaderCrashedAt));
                _leaderCrashedAt = -1;
                _epoch[node.Index] = elected.Epoch;
                if (elected.Epoch > MaxEpoch) MaxEpoch = elected.Epoch;
                SetEnd(now, node, elected.ValidUntil);
                break;
            case LeaseExtended extended: SetEnd(now, node, extended.ValidUntil); break;
            case LeaderSteppedDown: _end[node.Index] = now; break;
            default: return 0;
        }
        var valid = ValidAt(now);
        if (valid > MaxValidAtOnce) MaxValidAtOnce = valid;
        return valid;
    }

    /// <summary>
    /// The node's clock changed rate or jumped: the true instant its local lease end maps to moved.
    /// A clock that stalls makes a leader believe in its lease longer than its voters honour it.
    /// </summary>
    public void ClockChanged(long now, SimNode node)
    {
        if (_end[node.Index] > now) _end[node.Index] = node.Clock.GlobalAt(_localEnd[node.Index], now);
    }

    private void SetEnd(long now, SimNode node, Instant localEnd)
    {
        _localEnd[node.Index] = localEnd;
        _end[node.Index] = node.Clock.GlobalAt(localEnd, now);
    }

    /// <summary>A crashed leader acts no more; its lease stops counting.</summary>
    public void Crash(long now, SimNode node)
    {
        if (_end[node.Index] <= now) return;
        _end[node.Index] = now;
        if (_leaderCrashedAt < 0) _leaderCrashedAt = now;
    }

    public int ValidAt(long now)
    {
        var valid = 0;
        foreach (var end in _end)
            if (end > now) valid++;
        return valid;
    }

    /// <summary>The index of the node holding a valid lease now, the highest epoch if several do; −1 if none.</summary>
    public int HolderAt(long now)
    {
        var holder = -1;
        for (var i = 0; i < _end.Length; i++)
            if (_end[i] > now && (holder < 0 || _epoch[i] > _epoch[holder])) holder = i;
        return holder;
    }

    /// <summary>Who holds a valid lease now, for violation messages.</summary>
    public string Holders(long now, System.Collections.Generic.IReadOnlyList<SimNode> nodes)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < _end.Length; i++)
            if (_end[i] > now) text.Append($" {nodes[i].Id} (epoch {_epoch[i]}, until {TimeText.Of(_end[i])})");
        return text.ToString();
    }
}
