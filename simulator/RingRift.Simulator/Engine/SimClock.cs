using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A node's local monotonic clock as a function of virtual time: piecewise linear, running at
/// (1 + ppm/10⁶) times real speed from the last rebase point. Steps jump it forward; a backward step
/// freezes it until real time catches up, because a monotonic clock never goes back.
/// </summary>
internal sealed class SimClock
{
    private const long Million = 1_000_000;
    private long _baseLocal;
    private long _baseGlobal;
    private long _ppm;
    private long _lastRead;

    public SimClock(Duration offset, int driftPpm)
    {
        _baseLocal = offset.Micros;
        _ppm = driftPpm;
        _lastRead = long.MinValue;
    }

    public int DriftPpm => (int)_ppm;

    /// <summary>The local reading at virtual time <paramref name="global"/>; never decreases.</summary>
    public Instant Read(long global)
    {
        var local = Raw(global);
        if (local < _lastRead) local = _lastRead;
        _lastRead = local;
        return new Instant(local);
    }

    /// <summary>The earliest virtual time at or after <paramref name="now"/> at which the clock shows <paramref name="local"/>.</summary>
    public long GlobalAt(Instant local, long now)
    {
        if (local.Micros <= System.Math.Max(Raw(now), _lastRead)) return now;
        // Raw(g) >= local exactly when (g - base) * rate >= (local - baseLocal) * 10^6, local being whole
        // microseconds; dividing from the rebase point, not from now, keeps the answer the earliest.
        var rate = Million + _ppm;
        return _baseGlobal + ((local.Micros - _baseLocal) * Million + rate - 1) / rate;
    }

    public void SetDrift(long now, int ppm)
    {
        Rebase(now);
        _ppm = ppm;
    }

    public void Step(long now, Duration by)
    {
        Rebase(now);
        _baseLocal += by.Micros;
    }

    private void Rebase(long now)
    {
        _baseLocal = Raw(now);
        _baseGlobal = now;
    }

    private long Raw(long global) => _baseLocal + (global - _baseGlobal) * (Million + _ppm) / Million;
}
