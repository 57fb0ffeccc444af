using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Operations;

/// <summary>
/// What the operations faults did to one simulated machine: its disk's fill, its selfplay's silence, its
/// overload, its link's delay, and the games its selfplay wrote (in thousandths, so slow jobs are not rounded away
/// between samples). Outlives crashes, like the hardware.
/// </summary>
internal sealed class NodeOps
{
    public const int DiskUsedAtStartBasisPoints = 4_000;

    private long _diskBase = DiskUsedAtStartBasisPoints;
    private long _fillSince;
    private long _fillPerHour;

    public bool Silent { get; set; }
    public long OverloadUntil { get; set; } = long.MinValue;
    public int SlowdownPercent { get; set; } = 100;
    public long GamesMilli { get; set; }

    /// <summary>A <c>link_delay</c> holds the node's messages back (growing, or at a level above zero).</summary>
    public bool LinkDelayed { get; set; }

    public bool Filling => _fillPerHour > 0;

    /// <summary>Disk used at <paramref name="now"/>, in basis points, never above 100%.</summary>
    public int DiskUsedAt(long now) =>
        (int)System.Math.Min(Ratio.BasisPointsPerOne, _diskBase + _fillPerHour * (now - _fillSince) / Duration.FromHours(1).Micros);

    public void SetFill(long now, Ratio perHour)
    {
        _diskBase = DiskUsedAt(now);
        _fillSince = now;
        _fillPerHour = perHour.BasisPoints;
    }

    public void Cleanup(long now, Ratio to)
    {
        _diskBase = to.BasisPoints;
        _fillSince = now;
    }

    public bool Overloaded(long now) => now < OverloadUntil;
}
