using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// A figure over time in fixed buckets of <see cref="RunTimeline.BucketMicros"/>: bucket i covers
/// [i·bucket, (i+1)·bucket). A <see cref="SeriesKind.Count"/> series holds how many things happened in each
/// bucket; a <see cref="SeriesKind.Gauge"/> series holds the highest level reached in it.
/// </summary>
public sealed record TimelineSeries(string Name, SeriesKind Kind, ImmutableArray<long> Values);
