using RingRift.Kernel;
using RingRift.Simulator.Scenarios.Parsing;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class RatioTextTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0%", 0)]
    [InlineData("0.01%", 1)]
    [InlineData("0.05%", 5)]
    [InlineData("0.1%", 10)]
    [InlineData("0.100%", 10)]
    [InlineData("12.5%", 1250)]
    [InlineData("100%", 10_000)]
    [InlineData("300%", 30_000)]
    [InlineData("0.0001", 1)]
    [InlineData("0.001", 10)]
    [InlineData("0.5", 5_000)]
    [InlineData("1", 10_000)]
    [InlineData("1.00000", 10_000)]
    public void TryParse_WellFormed_GivesExactBasisPoints(string text, int basisPoints)
    {
        Assert.True(RatioText.TryParse(text, out var value, out var problem));
        Assert.Equal(new Ratio(basisPoints), value);
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("0.005%", "finer than one basis point (0.01%)")]
    [InlineData("12.345%", "finer than one basis point (0.01%)")]
    [InlineData("0.00001", "finer than one basis point (0.01%)")]
    [InlineData("-1%", "not a number")]
    [InlineData("+1%", "not a number")]
    [InlineData("1e-3", "not a number")]
    [InlineData(".5%", "not a number")]
    [InlineData("5.%", "not a number")]
    [InlineData("1 %", "not a number")]
    [InlineData("%", "not a number")]
    [InlineData("half", "not a number")]
    [InlineData("30000000%", "too large")]
    [InlineData("99999999999999999999", "too large")]
    public void TryParse_Malformed_NamesTheReason(string text, string reason)
    {
        Assert.False(RatioText.TryParse(text, out var value, out var problem));
        Assert.Equal(Ratio.Zero, value);
        Assert.Equal($"bad ratio '{text}': {reason} ({RatioText.Rule})", problem);
    }
}
