using System;
using System.Collections.Generic;

namespace RingRift.Adapters.Security;

/// <summary>
/// Refuses a signed message whose timestamp is more than <c>window</c> away from this host's wall
/// clock, or whose (sender, nonce) was already seen inside the window. Seen nonces are remembered for
/// twice the window, so anything older than that is refused by the timestamp test instead. The table
/// is bounded by <c>capacity</c>; when it is full of unexpired nonces new messages are refused rather
/// than letting an attacker with the key grow it without bound. Wall time is used here only to
/// authenticate, never in a kernel decision. Thread-safe.
/// </summary>
public sealed class ReplayGuard(TimeSpan window, int capacity, Func<long> unixMillis)
{
    private readonly object _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(long ExpiresMs, string Key)> _expiry = new();
    private readonly long _windowMs = (long)window.TotalMilliseconds;

    public int Count
    {
        get
        {
            lock (_gate) return _seen.Count;
        }
    }

    public ReplayVerdict Check(string sender, long timestampMs, ReadOnlySpan<byte> nonce)
    {
        var now = unixMillis();
        if (Math.Abs(now - timestampMs) > _windowMs) return ReplayVerdict.OutsideWindow;
        var key = sender + "/" + Convert.ToHexString(nonce);
        lock (_gate)
        {
            Expire(now);
            if (_seen.Contains(key)) return ReplayVerdict.Replayed;
            if (_seen.Count >= capacity) return ReplayVerdict.GuardFull;
            _seen.Add(key);
            _expiry.Enqueue((now + 2 * _windowMs, key));
            return ReplayVerdict.Fresh;
        }
    }

    private void Expire(long now)
    {
        while (_expiry.Count > 0 && _expiry.Peek().ExpiresMs <= now) _seen.Remove(_expiry.Dequeue().Key);
    }
}
