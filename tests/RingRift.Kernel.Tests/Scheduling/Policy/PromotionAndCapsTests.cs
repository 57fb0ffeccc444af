using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class PromotionAndCapsTests
{
    private static readonly PromotionPolicy Promotion = PromotionPolicy.Default;

    [Theory]
    [InlineData(18, 0, 14, PromotionVerdict.Promote)]
    [InlineData(17, 2, 13, PromotionVerdict.Promote)]
    [InlineData(17, 1, 14, PromotionVerdict.Reject)]
    [InlineData(16, 0, 16, PromotionVerdict.Reject)]
    [InlineData(20, 0, 0, PromotionVerdict.Incomplete)]
    [InlineData(0, 0, 0, PromotionVerdict.Incomplete)]
    [InlineData(32, 0, 0, PromotionVerdict.Promote)]
    public void Decide_FiftyFivePercentOverThirtyTwoGames(int wins, int draws, int losses, PromotionVerdict expected)
    {
        Assert.Equal(expected, Promotion.Decide(wins, draws, losses));
    }

    [Theory]
    [InlineData(18, 0, 14, 5_625)]
    [InlineData(17, 2, 13, 5_625)]
    [InlineData(17, 1, 14, 5_468)]
    [InlineData(0, 0, 0, 0)]
    public void WinRate_CountsDrawsAsHalf(int wins, int draws, int losses, int expectedBp)
    {
        Assert.Equal(new Ratio(expectedBp), PromotionPolicy.WinRate(wins, draws, losses));
    }

    [Fact]
    public void RuntimeCaps_Default_AreTheOriginalsTunedValues()
    {
        var caps = JobRuntimeCaps.Default;
        Assert.Equal(Duration.FromMinutes(45), caps.For(JobKind.Selfplay, new SelfplayConfig(BoardType.Hexagonal, 4)));
        Assert.Equal(Duration.FromHours(2), caps.For(JobKind.Training, new SelfplayConfig(BoardType.Square8, 2)));
        Assert.Equal(Duration.FromHours(2), caps.For(JobKind.Training, new SelfplayConfig(BoardType.Hex8, 3)));
        Assert.Equal(Duration.FromHours(4), caps.For(JobKind.Training, new SelfplayConfig(BoardType.Square19, 2)));
        Assert.Equal(Duration.FromHours(4), caps.For(JobKind.Training, new SelfplayConfig(BoardType.Hexagonal, 2)));
        Assert.Equal(Duration.FromHours(1), caps.For(JobKind.Gauntlet, new SelfplayConfig(BoardType.Square8, 2)));
    }
}
