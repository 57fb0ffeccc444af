using RingRift.Kernel.Monitoring;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class PredictorTests
{
    private static readonly Duration Horizon = Duration.FromHours(1);

    [Fact]
    public void Level_RisingToCeilingWithinHorizon_RaisesBeforeTheCrossing()
    {
        // 6900 and 100 bp a minute: 9500 in 26 minutes, well below the ceiling now.
        var window = TrendFitTests.Window(10, i => 6_000 + 100 * i);

        Assert.True(LevelPredictor.ShouldBeActive(window, 9_500, 9_000, Horizon, active: false, out var eta));
        Assert.Equal(Duration.FromMinutes(26), eta);
    }

    [Fact]
    public void Level_RisingBeyondHorizon_DoesNotRaise()
    {
        // 10 bp a minute from 5090: 441 minutes to 9500.
        var window = TrendFitTests.Window(10, i => 5_000 + 10 * i);

        Assert.False(LevelPredictor.ShouldBeActive(window, 9_500, 9_000, Horizon, active: false, out _));
    }

    [Fact]
    public void Level_WindowNotFull_RaisesOnlyAtTheCeiling()
    {
        var rising = TrendFitTests.Window(5, i => 8_000 + 300 * i);

        Assert.False(LevelPredictor.ShouldBeActive(rising, 9_500, 9_000, Horizon, active: false, out _));
        Assert.True(LevelPredictor.ShouldBeActive(TrendFitTests.Window(5, _ => 9_600), 9_500, 9_000, Horizon, active: false, out _));
    }

    [Fact]
    public void Level_ActiveAndStillAboveClear_StaysActive()
    {
        // Flat at 9200: no longer predicted to cross, but above the clear level (hysteresis).
        var window = TrendFitTests.Window(10, _ => 9_200);

        Assert.True(LevelPredictor.ShouldBeActive(window, 9_500, 9_000, Horizon, active: true, out _));
        Assert.False(LevelPredictor.ShouldBeActive(window, 9_500, 9_000, Horizon, active: false, out _));
    }

    [Fact]
    public void Level_ActiveAfterCleanup_Clears()
    {
        // Falling sharply after a cleanup: below the clear level and trending away.
        var window = TrendFitTests.Window(10, i => i < 5 ? 9_300 : 5_000);

        Assert.False(LevelPredictor.ShouldBeActive(window, 9_500, 9_000, Horizon, active: true, out _));
    }
}
