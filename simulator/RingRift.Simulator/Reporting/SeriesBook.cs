using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// Figures over time in fixed buckets, each a preallocated array: counting an event is one array increment.
/// The bucket width is the smallest of a few round widths that gives at most <see cref="BucketsMax"/> buckets.
/// </summary>
internal sealed class SeriesBook
{
    public const int BucketsMax = 1500;

    private static readonly long[] Widths =
    [
        1_000_000, 2_000_000, 5_000_000, 10_000_000, 15_000_000, 30_000_000, 60_000_000, 120_000_000,
        300_000_000, 600_000_000, 900_000_000, 1_800_000_000, 3_600_000_000, 7_200_000_000, 21_600_000_000,
    ];

    private readonly Dictionary<string, Series> _series = new(System.StringComparer.Ordinal);
    private readonly List<string> _order = new();
    private readonly int _buckets;

    public SeriesBook(long endMicros)
    {
        BucketMicros = WidthFor(endMicros);
        _buckets = (int)(endMicros / BucketMicros) + 1;
    }

    public long BucketMicros { get; }

    /// <summary>The smallest round width that splits <paramref name="endMicros"/> into at most <see cref="BucketsMax"/> buckets.</summary>
    public static long WidthFor(long endMicros)
    {
        foreach (var width in Widths)
            if (endMicros / width < BucketsMax) return width;
        return (endMicros / BucketsMax) + 1;
    }

    /// <summary>Declares a series up front, so that it appears (all zero) even if nothing happens.</summary>
    public void Declare(string name, SeriesKind kind) => SeriesOf(name, kind);

    /// <summary>The buckets of a count series, for a caller on a hot path to increment without a lookup.</summary>
    public long[] CountsOf(string name) => SeriesOf(name, SeriesKind.Count).Values;

    /// <summary>The bucket index of <paramref name="now"/> (the last bucket for anything at or past the end).</summary>
    public int Bucket(long now) => (int)System.Math.Min(now / BucketMicros, _buckets - 1);

    public void Count(string name, long now, long delta = 1) => SeriesOf(name, SeriesKind.Count).Values[Bucket(now)] += delta;

    /// <summary>
    /// Adds <paramref name="rate"/> per microsecond over [<paramref name="from"/>, <paramref name="to"/>) to a count
    /// series, each bucket getting its overlap: the buckets sum to exactly rate × (to − from).
    /// </summary>
    public void Spread(string name, long from, long to, long rate)
    {
        if (to <= from || rate == 0) return;
        var values = SeriesOf(name, SeriesKind.Count).Values;
        var last = _buckets - 1;
        for (var at = from; at < to;)
        {
            var bucket = Bucket(at);
            var end = bucket == last ? to : System.Math.Min(to, (bucket + 1) * BucketMicros);
            values[bucket] += rate * (end - at);
            at = end;
        }
    }

    /// <summary>
    /// The gauge is at <paramref name="level"/> from <paramref name="now"/> on. A level holds until it changes,
    /// so the buckets passed since the last change are filled with the old level first (amortised O(1)).
    /// </summary>
    public void Gauge(string name, long now, long level)
    {
        var series = SeriesOf(name, SeriesKind.Gauge);
        var bucket = Bucket(now);
        series.Advance(bucket);
        if (level > series.Values[bucket]) series.Values[bucket] = level;
        series.Level = level;
    }

    public ImmutableArray<TimelineSeries> Finish()
    {
        var result = ImmutableArray.CreateBuilder<TimelineSeries>(_order.Count);
        foreach (var name in _order)
        {
            var series = _series[name];
            if (series.Kind == SeriesKind.Gauge) series.Advance(_buckets - 1);
            result.Add(new TimelineSeries(name, series.Kind, [.. series.Values]));
        }
        return result.MoveToImmutable();
    }

    private Series SeriesOf(string name, SeriesKind kind)
    {
        if (_series.TryGetValue(name, out var found)) return found;
        var series = new Series(kind, new long[_buckets]);
        _series.Add(name, series);
        _order.Add(name);
        return series;
    }

    private sealed class Series(SeriesKind kind, long[] values)
    {
        private int _last;

        public SeriesKind Kind { get; } = kind;
        public long[] Values { get; } = values;
        public long Level { get; set; }

        /// <summary>Fills the buckets after the last one touched, up to <paramref name="bucket"/>, with the current level.</summary>
        public void Advance(int bucket)
        {
            for (var b = _last + 1; b <= bucket; b++)
                if (Level > Values[b]) Values[b] = Level;
            if (bucket > _last) _last = bucket;
        }
    }
}
