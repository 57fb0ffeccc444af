using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using Xunit;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class SwimConfigTests
{
    private static readonly SwimConfig D = SwimConfig.Default;

    [Fact]
    public void Default_IsValid_AndIsTheDocumentedTiming()
    {
        Assert.Empty(D.Validate());
        Assert.Equal((Duration.FromSeconds(5), Duration.FromSeconds(2)), (D.Period, D.ProbeTimeout));
        Assert.Equal((3, 4, 6, 4, 8, 8), (D.IndirectProbes, D.SuspicionMultiplier, D.SuspicionMaxMultiplier, D.RetransmitMultiplier, D.PiggybackMax, D.AwarenessMax));
        Assert.Equal((Duration.FromMinutes(2), Duration.FromSeconds(10), Duration.FromSeconds(60)), (D.RetireAfter, D.DeadProbeInterval, D.NatSilence));
        Assert.Equal((Duration.FromSeconds(3), Duration.FromMillis(1500)), (D.IndirectWindow, D.NackAfter));
    }

    public static TheoryData<string, SwimConfig, string> Invalid() => new()
    {
        { "zero period", D with { Period = Duration.Zero, ProbeTimeout = Duration.Zero }, "swim.period must be positive" },
        { "probe timeout = period", D with { ProbeTimeout = D.Period }, "swim.probe_timeout (5s) must be positive and shorter than swim.period (5s)" },
        { "zero probe timeout", D with { ProbeTimeout = Duration.Zero }, "swim.probe_timeout (0s) must be positive" },
        { "indirect probes", D with { IndirectProbes = 17 }, "swim.indirect_probes must be within 0..16 (got 17)" },
        { "suspicion multiplier", D with { SuspicionMultiplier = 0 }, "swim.suspicion_multiplier must be within 1..100 (got 0)" },
        { "suspicion max", D with { SuspicionMaxMultiplier = 0 }, "swim.suspicion_max_multiplier must be within 1..100 (got 0)" },
        { "retransmit", D with { RetransmitMultiplier = 0 }, "swim.retransmit_multiplier must be within 1..100 (got 0)" },
        { "piggyback above the wire bound", D with { PiggybackMax = 65 }, "swim.piggyback_max must be within 1..64 (got 65)" },
        { "awareness", D with { AwarenessMax = 0 }, "swim.awareness_max must be within 1..64 (got 0)" },
        { "retire", D with { RetireAfter = Duration.Zero }, "swim.retire_after must be positive (got 0s)" },
        { "dead probe faster than the period", D with { DeadProbeInterval = Duration.FromSeconds(4) }, "swim.dead_probe_interval (4s) must be at least swim.period (5s)" },
        { "nat silence", D with { NatSilence = Duration.FromSeconds(24) }, "swim.nat_silence (24s) must be at least five periods (25s)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_Inconsistent_NamesTheFieldsInvolved(string @case, SwimConfig config, string expected)
    {
        var errors = config.Validate();

        Assert.True(errors.Count > 0 && errors[0].StartsWith(expected, StringComparison.Ordinal), $"{@case}: {string.Join("; ", errors)}");
        Assert.Equal(@case == "zero period" ? 2 : 1, errors.Count);
    }

    [Theory]
    [InlineData(1, 20_000_000)]
    [InlineData(10, 20_000_000)]
    [InlineData(16, 24_082_031)]
    [InlineData(256, 48_164_062)]
    [InlineData(1024, 60_205_078)]
    public void SuspicionMin_IsMultiplierTimesLog10OfTheClusterSizeAtLeastOneTimesPeriod(int clusterSize, long micros)
    {
        Assert.Equal(Duration.FromMicros(micros), D.SuspicionMin(clusterSize));
        Assert.Equal(Duration.FromMicros(micros) * 6, D.SuspicionMax(clusterSize));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 2)]
    [InlineData(1024, 2)]
    public void SuspicionConfirmations_AreMultiplierMinusTwo_NoneInClustersTooSmallToGiveThem(int clusterSize, int expected) =>
        Assert.Equal(expected, D.SuspicionConfirmations(clusterSize));

    [Fact]
    public void SuspicionTimeout_FallsFromMaxToMinWithConfirmations_AndIsMinInATinyCluster()
    {
        Assert.Equal(D.SuspicionMax(16), D.SuspicionTimeout(16, 0));
        Assert.Equal(D.SuspicionMin(16), D.SuspicionTimeout(16, 2));
        Assert.Equal(D.SuspicionMin(16), D.SuspicionTimeout(16, 5));
        Assert.InRange(D.SuspicionTimeout(16, 1).Micros, D.SuspicionMin(16).Micros + 1, D.SuspicionMax(16).Micros - 1);
        Assert.Equal(D.SuspicionMin(3), D.SuspicionTimeout(3, 0));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(9, 4)]
    [InlineData(10, 8)]
    [InlineData(16, 8)]
    [InlineData(256, 12)]
    [InlineData(1024, 16)]
    public void RetransmitLimit_IsMultiplierTimesCeilLog10OfClusterSizePlusOne(int clusterSize, int expected) =>
        Assert.Equal(expected, D.RetransmitLimit(clusterSize));

    [Theory]
    [InlineData(1UL, 0L)]
    [InlineData(2UL, 65_536L)]
    [InlineData(1024UL, 655_360L)]
    [InlineData(1UL << 63, 63L * 65_536)]
    public void Log2Q16_IsExactAtPowersOfTwo(ulong x, long expected) => Assert.Equal(expected, SwimMath.Log2Q16(x));

    [Fact]
    public void Log2Q16_ElsewhereIsTheTrueValueTruncatedToWithinOneUnit()
    {
        foreach (var x in new ulong[] { 3, 5, 7, 10, 100, 1000, 1023, 1025, 65_537, 999_999_937 })
        {
            var exact = Math.Log2(x) * 65_536;
            Assert.InRange(SwimMath.Log2Q16(x), (long)Math.Floor(exact) - 1, (long)Math.Floor(exact));
        }
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(9L, 1)]
    [InlineData(10L, 2)]
    [InlineData(99L, 2)]
    [InlineData(100L, 3)]
    [InlineData(long.MaxValue, 19)]
    public void CeilLog10OfSuccessor_IsTheNumberOfDecimalDigits(long x, int expected) =>
        Assert.Equal(expected, SwimMath.CeilLog10OfSuccessor(x));

    [Property]
    public Property Incarnation_ANewBoot_OutranksEveryRefutationOfTheLastOne() => Prop.ForAll(
        Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(),
        (boot, refutation) => new SwimIncarnation(boot + 1L, 0) > new SwimIncarnation(boot, refutation)
            && new SwimIncarnation(boot + 1L, 0) > new SwimIncarnation(boot, SwimIncarnation.RefutationMax));

    [Fact]
    public void Incarnation_OrderIsBootThenRefutation()
    {
        for (var b1 = 0; b1 < 4; b1++)
            for (var r1 = 0; r1 < 4; r1++)
                for (var b2 = 0; b2 < 4; b2++)
                    for (var r2 = 0; r2 < 4; r2++)
                    {
                        var expected = b1 != b2 ? Math.Sign(b1.CompareTo(b2)) : Math.Sign(r1.CompareTo(r2));
                        Assert.Equal(expected, Math.Sign(new SwimIncarnation(b1, r1).CompareTo(new SwimIncarnation(b2, r2))));
                    }
    }
}
