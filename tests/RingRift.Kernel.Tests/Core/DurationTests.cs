using System;
using FsCheck.Xunit;
using Xunit;

namespace RingRift.Kernel.Tests.Core;

public sealed class DurationTests
{
    [Fact]
    public void Factories_EachUnit_GiveExactMicros()
    {
        Assert.Equal(7L, Duration.FromMicros(7).Micros);
        Assert.Equal(1_500_000L, Duration.FromMillis(1_500).Micros);
        Assert.Equal(90_000_000L, Duration.FromSeconds(90).Micros);
        Assert.Equal(120_000_000L, Duration.FromMinutes(2).Micros);
        Assert.Equal(7_200_000_000L, Duration.FromHours(2).Micros);
    }

    [Fact]
    public void WholeUnits_OfPartialSpan_TruncateTowardZero()
    {
        Assert.Equal(1L, Duration.FromMillis(1_999).WholeSeconds);
        Assert.Equal(1_999L, Duration.FromMicros(1_999_999).WholeMillis);
        Assert.Equal(-1L, Duration.FromMillis(-1_999).WholeSeconds);
    }

    [Fact]
    public void Arithmetic_OnSmallValues_IsExact()
    {
        var ninety = Duration.FromSeconds(90);
        Assert.Equal(Duration.FromSeconds(105), ninety + Duration.FromSeconds(15));
        Assert.Equal(Duration.FromSeconds(75), ninety - Duration.FromSeconds(15));
        Assert.Equal(Duration.FromSeconds(-15), Duration.FromSeconds(15) - Duration.FromSeconds(30));
        Assert.Equal(Duration.FromMinutes(3), ninety * 2);
        Assert.Equal(Duration.FromSeconds(45), ninety / 2);
        Assert.Equal(Duration.FromMicros(3), Duration.FromMicros(10) / 3);
    }

    [Fact]
    public void Comparisons_AndMinMax_OrderByMicros()
    {
        var small = Duration.FromMillis(999);
        var large = Duration.FromSeconds(1);
        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Duration.FromMicros(999_000));
        Assert.True(large >= Duration.FromMicros(1_000_000));
        Assert.False(large < small);
        Assert.Equal(small, Duration.Min(small, large));
        Assert.Equal(large, Duration.Max(small, large));
        Assert.Equal(-1, small.CompareTo(large));
        Assert.Equal(0, large.CompareTo(Duration.FromMillis(1_000)));
    }

    [Fact]
    public void Add_PastMaxValue_Throws()
    {
        Assert.Throws<OverflowException>(() => Duration.MaxValue + Duration.FromMicros(1));
    }

    [Fact]
    public void Subtract_PastMinValue_Throws()
    {
        Assert.Throws<OverflowException>(() => new Duration(long.MinValue) - Duration.FromMicros(1));
    }

    [Fact]
    public void Multiply_Overflowing_Throws()
    {
        Assert.Throws<OverflowException>(() => Duration.FromHours(1) * long.MaxValue);
    }

    [Fact]
    public void Factories_Overflowing_Throw()
    {
        Assert.Throws<OverflowException>(() => Duration.FromMillis(long.MaxValue / 1_000 + 1));
        Assert.Throws<OverflowException>(() => Duration.FromSeconds(long.MaxValue / 1_000_000 + 1));
        Assert.Throws<OverflowException>(() => Duration.FromMinutes(long.MaxValue / 60));
        Assert.Throws<OverflowException>(() => Duration.FromHours(long.MaxValue / 3600));
    }

    [Fact]
    public void Divide_ByZero_Throws()
    {
        Assert.Throws<DivideByZeroException>(() => Duration.FromSeconds(1) / 0);
    }

    [Fact]
    public void Scale_ByRatio_RoundsTowardZero()
    {
        Assert.Equal(Duration.FromSeconds(45), Duration.FromSeconds(90).Scale(Ratio.FromPercent(50)));
        Assert.Equal(Duration.FromMicros(3), Duration.FromMicros(10).Scale(new Ratio(3_999)));
        Assert.Equal(Duration.FromMicros(-3), Duration.FromMicros(-10).Scale(new Ratio(3_999)));
        Assert.Equal(Duration.FromSeconds(90), Duration.FromSeconds(90).Scale(Ratio.One));
        Assert.Equal(Duration.Zero, Duration.FromSeconds(90).Scale(Ratio.Zero));
    }

    [Fact]
    public void Scale_Overflowing_Throws()
    {
        Assert.Throws<OverflowException>(() => Duration.MaxValue.Scale(Ratio.FromPercent(50)));
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(90_000_000L, "90s")]
    [InlineData(1_500_000L, "1500ms")]
    [InlineData(7_200_000_000L, "2h")]
    [InlineData(120_000_000L, "2m")]
    [InlineData(5_400_000_000L, "90m")]
    [InlineData(1L, "1us")]
    [InlineData(1_000_001L, "1000001us")]
    [InlineData(-90_000_000L, "-90s")]
    [InlineData(-1_500L, "-1500us")]
    [InlineData(-2_000L, "-2ms")]
    [InlineData(long.MaxValue, "9223372036854775807us")]
    [InlineData(long.MinValue, "-9223372036854775808us")]
    public void ToString_AnyValue_UsesLargestExactUnit(long micros, string expected)
    {
        Assert.Equal(expected, Duration.FromMicros(micros).ToString());
    }

    [Property]
    public bool AddThenSubtract_IsIdentity(int a, int b)
    {
        var x = Duration.FromMicros(a);
        var y = Duration.FromMicros(b);
        return x + y - y == x;
    }

    [Property]
    public bool Add_IsCommutative(int a, int b) =>
        Duration.FromMicros(a) + Duration.FromMicros(b) == Duration.FromMicros(b) + Duration.FromMicros(a);
}
