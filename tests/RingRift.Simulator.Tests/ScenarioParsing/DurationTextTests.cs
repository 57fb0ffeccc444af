using RingRift.Kernel;
using RingRift.Simulator.Scenarios.Parsing;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("0s", 0L)]
    [InlineData("250us", 250L)]
    [InlineData("500ms", 500_000L)]
    [InlineData("90s", 90_000_000L)]
    [InlineData("0090s", 90_000_000L)]
    [InlineData("1h30m", 5_400_000_000L)]
    [InlineData("1m30s500ms", 90_500_000L)]
    [InlineData("2d", 172_800_000_000L)]
    [InlineData("1d2h3m4s5ms6us", 93_784_005_006L)]
    public void TryParse_WellFormed_GivesExactMicros(string text, long micros)
    {
        Assert.True(DurationText.TryParse(text, allowNegative: false, out var value, out var problem));
        Assert.Equal(Duration.FromMicros(micros), value);
        Assert.Equal("", problem);
    }

    [Theory]
    [InlineData("-5s", -5_000_000L)]
    [InlineData("-1m30s", -90_000_000L)]
    [InlineData("5s", 5_000_000L)]
    public void TryParse_NegativeAllowed_GivesSignedMicros(string text, long micros)
    {
        Assert.True(DurationText.TryParse(text, allowNegative: true, out var value, out _));
        Assert.Equal(Duration.FromMicros(micros), value);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("90", "'90' has no unit")]
    [InlineData("1.5s", "fractions are not allowed")]
    [InlineData("30m1h", "units must go from largest to smallest")]
    [InlineData("1h1h", "units must go from largest to smallest")]
    [InlineData("5sec", "unknown unit 'sec'")]
    [InlineData("1h 30m", "expected a number at ' 30m'")]
    [InlineData("m", "expected a number at 'm'")]
    [InlineData("-5s", "expected a number at '-5s'")]
    [InlineData("106751992d", "it is too large")]
    [InlineData("99999999999999999999s", "it is too large")]
    public void TryParse_Malformed_NamesTheReason(string text, string reason)
    {
        Assert.False(DurationText.TryParse(text, allowNegative: false, out var value, out var problem));
        Assert.Equal(Duration.Zero, value);
        Assert.StartsWith($"bad duration '{text}': {reason}", problem);
        Assert.EndsWith($"({DurationText.Rule})", problem);
    }
}
