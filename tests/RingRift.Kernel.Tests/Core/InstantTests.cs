using System;
using FsCheck.Xunit;
using Xunit;

namespace RingRift.Kernel.Tests.Core;

public sealed class InstantTests
{
    [Fact]
    public void PlusDuration_OfZero_IsExact()
    {
        Assert.Equal(new Instant(90_000_000), Instant.Zero + Duration.FromSeconds(90));
        Assert.Equal(new Instant(89_000_000), new Instant(90_000_000) - Duration.FromSeconds(1));
    }

    [Fact]
    public void Difference_OfTwoInstants_IsSignedDuration()
    {
        var earlier = new Instant(1_000);
        var later = new Instant(91_001_000);
        Assert.Equal(Duration.FromSeconds(91), later - earlier);
        Assert.Equal(Duration.FromSeconds(-91), earlier - later);
    }

    [Fact]
    public void Add_PastMaxValue_Throws()
    {
        Assert.Throws<OverflowException>(() => Instant.MaxValue + Duration.FromMicros(1));
    }

    [Fact]
    public void Subtract_PastMinValue_Throws()
    {
        Assert.Throws<OverflowException>(() => new Instant(long.MinValue) - Duration.FromMicros(1));
    }

    [Fact]
    public void Difference_Overflowing_Throws()
    {
        Assert.Throws<OverflowException>(() => Instant.MaxValue - new Instant(-1));
    }

    [Fact]
    public void Comparisons_AndMinMax_OrderByMicros()
    {
        var a = new Instant(5);
        var b = new Instant(6);
        Assert.True(a < b);
        Assert.True(b > a);
        Assert.True(a <= new Instant(5));
        Assert.True(b >= new Instant(6));
        Assert.Equal(a, Instant.Min(a, b));
        Assert.Equal(b, Instant.Max(a, b));
        Assert.Equal(1, b.CompareTo(a));
    }

    [Theory]
    [InlineData(0L, "t+0s")]
    [InlineData(90_000_000L, "t+90s")]
    [InlineData(1_500_000L, "t+1500ms")]
    [InlineData(7_200_000_000L, "t+2h")]
    [InlineData(17L, "t+17us")]
    public void ToString_AnyValue_IsOffsetFromOrigin(long micros, string expected)
    {
        Assert.Equal(expected, new Instant(micros).ToString());
    }

    [Property]
    public bool PlusThenDifference_RecoversDuration(int start, int span) =>
        new Instant(start) + Duration.FromMicros(span) - new Instant(start) == Duration.FromMicros(span);
}
