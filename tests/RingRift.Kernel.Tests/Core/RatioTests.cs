using System;
using FsCheck.Xunit;
using Xunit;

namespace RingRift.Kernel.Tests.Core;

public sealed class RatioTests
{
    [Theory]
    [InlineData(1L, 3L, 3_333)]
    [InlineData(2L, 3L, 6_666)]
    [InlineData(3L, 3L, 10_000)]
    [InlineData(0L, 7L, 0)]
    [InlineData(-1L, 3L, -3_333)]
    [InlineData(1L, -3L, -3_333)]
    [InlineData(3L, 2L, 15_000)]
    [InlineData(5L, 0L, 0)]
    public void Of_NumeratorDenominator_RoundsTowardZeroInBasisPoints(long numerator, long denominator, int expected)
    {
        Assert.Equal(new Ratio(expected), Ratio.Of(numerator, denominator));
    }

    [Fact]
    public void Of_NumeratorTooLarge_Throws()
    {
        Assert.Throws<OverflowException>(() => Ratio.Of(long.MaxValue / 1_000, 1));
    }

    [Fact]
    public void Of_ResultBeyondInt_Throws()
    {
        Assert.Throws<OverflowException>(() => Ratio.Of(1_000_000, 1));
    }

    [Fact]
    public void FromPercent_Fifty_IsFiveThousandBasisPoints()
    {
        Assert.Equal(5_000, Ratio.FromPercent(50).BasisPoints);
        Assert.Equal(Ratio.One, Ratio.FromPercent(100));
    }

    [Theory]
    [InlineData(2_500, 1_000L, 250L)]
    [InlineData(3_333, 10L, 3L)]
    [InlineData(3_333, -10L, -3L)]
    [InlineData(10_000, 123_456_789L, 123_456_789L)]
    [InlineData(0, 123_456_789L, 0L)]
    public void OfValue_ScalesRoundingTowardZero(int basisPoints, long value, long expected)
    {
        Assert.Equal(expected, new Ratio(basisPoints).Of(value));
    }

    [Fact]
    public void OfValue_Overflowing_Throws()
    {
        Assert.Throws<OverflowException>(() => Ratio.One.Of(long.MaxValue));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(10_000, true)]
    [InlineData(20_000, true)]
    public void Sample_AtOrBeyondBounds_IsConstant(int basisPoints, bool expected)
    {
        var prng = new Prng((ulong)(basisPoints + 100));
        for (var i = 0; i < 10_000; i++) Assert.Equal(expected, new Ratio(basisPoints).Sample(prng));
    }

    [Fact]
    public void Sample_OneBasisPoint_IsTrueOnlyForTheLowestDraw()
    {
        // Sample(p) is "NextBelow(10000) < p": replaying the same stream shows exactly which draws hit.
        var sampled = new Prng(5);
        var replay = new Prng(5);
        var hits = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var hit = new Ratio(1).Sample(sampled);
            Assert.Equal(replay.NextBelow(10_000) == 0, hit);
            if (hit) hits++;
        }
        Assert.Equal(3, hits);
    }

    [Fact]
    public void Sample_Quarter_HitsAboutAQuarterOfDraws()
    {
        var prng = new Prng(6);
        var hits = 0;
        for (var i = 0; i < 100_000; i++)
            if (Ratio.FromPercent(25).Sample(prng)) hits++;
        Assert.Equal(24_816, hits);
        Assert.InRange(hits, 24_500, 25_500);
    }

    [Theory]
    [InlineData(0, "0.00%")]
    [InlineData(1_234, "12.34%")]
    [InlineData(10_000, "100.00%")]
    [InlineData(5, "0.05%")]
    [InlineData(-150, "-1.50%")]
    [InlineData(-5, "-0.05%")]
    public void ToString_AnyValue_IsPercentWithTwoDecimals(int basisPoints, string expected)
    {
        Assert.Equal(expected, new Ratio(basisPoints).ToString());
    }

    [Property]
    public bool Of_IsMonotoneInNumerator(short a, short b, byte denominator)
    {
        var d = denominator + 1;
        var (low, high) = a <= b ? (a, b) : (b, a);
        return Ratio.Of(low, d) <= Ratio.Of(high, d);
    }
}
