using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class TrainingReadinessPlannerTests
{
    private static readonly SchedulingPolicy P = SchedulingPolicy.Default;
    private static readonly SelfplayConfig Hex8 = new(BoardType.Hex8, 2);

    [Theory]
    [InlineData(0, 2_000, 1_000)]
    [InlineData(1, 2_000, 1_000)]
    [InlineData(2, 1_400, 700)]
    [InlineData(3, 1_000, 500)]
    [InlineData(4, 1_000, 500)]
    [InlineData(5, 700, 350)]
    [InlineData(36, 700, 350)]
    public void Thresholds_ScaleWithGpuNodes(int gpuNodes, long gamesMin, long increment)
    {
        Assert.Equal(gamesMin, TrainingReadinessPlanner.GamesMin(gpuNodes, P));
        Assert.Equal(increment, TrainingReadinessPlanner.GamesIncrement(gpuNodes, P));
    }

    [Fact]
    public void Thresholds_NeverBelowFloors()
    {
        var small = P with { TrainingGamesMin = 600, TrainingGamesIncrement = 300 };
        Assert.Equal(500, TrainingReadinessPlanner.GamesMin(36, small));
        Assert.Equal(200, TrainingReadinessPlanner.GamesIncrement(36, small));
    }

    [Theory]
    [InlineData(699L, 699L, false, 600L, false, TrainingReadiness.TooFewGames)]
    [InlineData(700L, 700L, false, 600L, false, TrainingReadiness.Ready)]
    [InlineData(5_000L, 349L, true, 600L, false, TrainingReadiness.TooFewNewGames)]
    [InlineData(5_000L, 350L, true, 600L, false, TrainingReadiness.Ready)]
    [InlineData(5_000L, 5_000L, true, 29L, false, TrainingReadiness.CoolingDown)]
    [InlineData(5_000L, 5_000L, true, 30L, false, TrainingReadiness.Ready)]
    [InlineData(5_000L, 5_000L, true, 600L, true, TrainingReadiness.InFlight)]
    [InlineData(10L, 0L, false, 0L, true, TrainingReadiness.InFlight)]
    public void Check_ThirtySixGpuNodes(long games, long sinceTraining, bool everTrained, long minutesSinceLast, bool inFlight, TrainingReadiness expected)
    {
        var candidate = new TrainingCandidate(Hex8, games, sinceTraining, everTrained, Duration.FromMinutes(minutesSinceLast), inFlight);
        Assert.Equal(expected, TrainingReadinessPlanner.Check(candidate, 36, P));
        Assert.Equal(expected == TrainingReadiness.Ready, TrainingReadinessPlanner.IsReady(candidate, 36, P));
    }

    [Fact]
    public void Check_NeverTrained_IsNotHeldByCooldownWhenNoTrainingEverRan()
    {
        var candidate = new TrainingCandidate(Hex8, 2_000, 2_000, false, Duration.MaxValue, false);
        Assert.Equal(TrainingReadiness.Ready, TrainingReadinessPlanner.Check(candidate, 1, P));
    }
}
