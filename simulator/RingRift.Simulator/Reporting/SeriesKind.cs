namespace RingRift.Simulator.Reporting;

/// <summary>How a <see cref="TimelineSeries"/> folds what happened in one bucket, and so how buckets merge.</summary>
public enum SeriesKind : byte
{
    /// <summary>Events counted per bucket; merged buckets add up.</summary>
    Count,

    /// <summary>The highest level held during the bucket; merged buckets take the maximum.</summary>
    Gauge,
}
