using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class SelfplayConfigTests
{
    [Fact]
    public void All_HoldsTheTwelveConfigsInFixedOrder()
    {
        string[] expected =
        [
            "square8_2p", "square8_3p", "square8_4p", "square19_2p", "square19_3p", "square19_4p",
            "hex8_2p", "hex8_3p", "hex8_4p", "hexagonal_2p", "hexagonal_3p", "hexagonal_4p",
        ];
        Assert.Equal(SelfplayConfig.Count, SelfplayConfig.All.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], SelfplayConfig.All[i].Key);
            Assert.Equal(i, SelfplayConfig.All[i].Index);
        }
    }

    [Fact]
    public void TryParse_EveryKey_RoundTrips()
    {
        foreach (var config in SelfplayConfig.All)
        {
            Assert.True(SelfplayConfig.TryParse(config.Key, out var parsed));
            Assert.Equal(config, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hex_2p")]
    [InlineData("Square8_2p")]
    [InlineData("square8_5p")]
    public void TryParse_OtherText_IsFalse(string? key)
    {
        Assert.False(SelfplayConfig.TryParse(key, out _));
    }

    [Fact]
    public void IsLargeBoard_IsSquare19AndHexagonalOnly()
    {
        Assert.True(new SelfplayConfig(BoardType.Square19, 2).IsLargeBoard);
        Assert.True(new SelfplayConfig(BoardType.Hexagonal, 4).IsLargeBoard);
        Assert.False(new SelfplayConfig(BoardType.Square8, 3).IsLargeBoard);
        Assert.False(new SelfplayConfig(BoardType.Hex8, 2).IsLargeBoard);
    }

    [Fact]
    public void Index_OfInvalidConfig_Throws()
    {
        Assert.False(new SelfplayConfig(BoardType.Hex8, 5).IsValid);
        Assert.Throws<InvariantViolationException>(() => new SelfplayConfig(BoardType.Hex8, 5).Index);
    }
}
