using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel;
using RingRift.Simulator.Network;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.Network;

public sealed class LatencyModelTests
{
    private static readonly LatencySpec CrossCloud =
        new(Duration.FromMillis(30), Duration.FromMillis(60), Duration.FromMillis(1300));

    /// <summary>Golden counts, computed once from this model and seed: a change means the draws or the buckets moved.</summary>
    [Fact]
    public void SampleMicros_100000SamplesWithSeed42_FallInTheGoldenBucketCounts()
    {
        var prng = new Prng(42);
        var counts = new int[3];
        for (var i = 0; i < 100_000; i++) counts[BucketOf(LatencyModel.SampleMicros(CrossCloud, prng))]++;

        Assert.Equal([49_844, 49_172, 984], counts);
    }

    [Fact]
    public void SampleMicros_100000Samples_MatchTheDocumentedProportionsWithinFiveSigma()
    {
        var prng = new Prng(20_240_611);
        var counts = new int[3];
        for (var i = 0; i < 100_000; i++) counts[BucketOf(LatencyModel.SampleMicros(CrossCloud, prng))]++;

        Assert.InRange(counts[0], 50_000 - 800, 50_000 + 800);
        Assert.InRange(counts[1], 49_000 - 800, 49_000 + 800);
        Assert.InRange(counts[2], 1_000 - 160, 1_000 + 160);
    }

    [Fact]
    public void Max_IsTwiceP99()
    {
        Assert.Equal(Duration.FromMillis(2600), LatencyModel.Max(CrossCloud));
    }

    [Fact]
    public void SampleMicros_DegenerateSpec_ReturnsTheOnlyValuesPossible()
    {
        var spec = new LatencySpec(Duration.FromMillis(5), Duration.FromMillis(5), Duration.FromMillis(5));
        var prng = new Prng(3);

        for (var i = 0; i < 10_000; i++)
            Assert.InRange(LatencyModel.SampleMicros(spec, prng), 5_000, 10_000);
    }

    /// <summary>Every sample lies in [min, 2·p99], whatever the seed and the spec.</summary>
    [Property]
    public Property SampleMicros_StaysWithinMinAndTwiceP99() =>
        Prop.ForAll(Arb.From(Specs()), Arb.From(Gen.Choose(0, int.MaxValue)), (spec, seed) =>
        {
            var prng = new Prng((ulong)seed);
            for (var i = 0; i < 1_000; i++)
            {
                var sample = LatencyModel.SampleMicros(spec, prng);
                if (sample < spec.Min.Micros || sample > spec.P99.Micros * 2) return false;
            }
            return true;
        });

    private static Gen<LatencySpec> Specs() =>
        from min in Gen.Choose(0, 100_000)
        from toMedian in Gen.Choose(0, 100_000)
        from toP99 in Gen.Choose(0, 3_000_000)
        select new LatencySpec(
            Duration.FromMicros(min), Duration.FromMicros(min + toMedian), Duration.FromMicros(min + toMedian + toP99));

    private static int BucketOf(long micros) =>
        micros < CrossCloud.Median.Micros ? 0 : micros < CrossCloud.P99.Micros ? 1 : 2;
}
