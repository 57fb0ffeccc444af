using System;
using Xunit;

namespace RingRift.Kernel.Tests.Core;

public sealed class ByteSizeTests
{
    [Fact]
    public void Factories_UseDecimalUnits()
    {
        Assert.Equal(2_000_000L, ByteSize.FromMegabytes(2).Bytes);
        Assert.Equal(750_000_000_000L, ByteSize.FromGigabytes(750).Bytes);
        Assert.Equal(750L, ByteSize.FromGigabytes(750).WholeGigabytes);
        Assert.Equal(0L, ByteSize.FromMegabytes(999).WholeGigabytes);
    }

    [Fact]
    public void Arithmetic_AndComparison_AreExact()
    {
        var a = ByteSize.FromGigabytes(3);
        var b = ByteSize.FromMegabytes(500);
        Assert.Equal(new ByteSize(3_500_000_000), a + b);
        Assert.Equal(new ByteSize(2_500_000_000), a - b);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a <= ByteSize.FromMegabytes(3_000));
        Assert.True(b >= ByteSize.FromMegabytes(500));
        Assert.Equal("3000000000B", a.ToString());
    }

    [Fact]
    public void Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => ByteSize.FromGigabytes(long.MaxValue / 1_000_000_000 + 1));
        Assert.Throws<OverflowException>(() => new ByteSize(long.MaxValue) + new ByteSize(1));
        Assert.Throws<OverflowException>(() => new ByteSize(long.MinValue) - new ByteSize(1));
    }
}
