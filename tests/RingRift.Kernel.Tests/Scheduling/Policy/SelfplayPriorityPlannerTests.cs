using System;
using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class SelfplayPriorityPlannerTests
{
    private static readonly SchedulingPolicy P = SchedulingPolicy.Default;

    private static ConfigStats Stats(BoardType board, int players, long games = 0, long sinceTraining = 0, int gap = 500,
        int weightBp = 10_000, long sinceMinutes = 0, int pending = 0, int running = 0) =>
        new(new SelfplayConfig(board, players), games, sinceTraining, gap, new Ratio(weightBp),
            Duration.FromMinutes(sinceMinutes), pending, running);

    [Fact]
    public void Priority_NewConfigFarFromTarget_IsExact()
    {
        // core = base 5 + bootstrap 100 + post-training 5 + idle 5 = 115; gap 500 → ×2.0; centipoints.
        Assert.Equal(23_000, SelfplayPriorityPlanner.Priority(Stats(BoardType.Square8, 2), P));
    }

    [Fact]
    public void Priority_MatureConfigAtTarget_IsExact()
    {
        // core = base 8 + curriculum ⌊0.5·4⌋ = 2 → 10; at target ×0.3.
        var stats = Stats(BoardType.Hexagonal, 4, games: 10_000, sinceTraining: 100, gap: 0, weightBp: 15_000, running: 3);
        Assert.Equal(300, SelfplayPriorityPlanner.Priority(stats, P));
    }

    [Fact]
    public void Priority_StarvedConfig_AddsPointsPerHourBeyondSixHours()
    {
        // core = base 4 + staleness 5 (> 24 h) + idle 5 = 14, ×0.3 → 420; starvation: 24 h beyond 6 h × 10 → 240 points.
        var stats = Stats(BoardType.Square19, 2, games: 6_000, sinceTraining: 60, gap: -10, sinceMinutes: 30 * 60);
        Assert.Equal(420 + 24_000, SelfplayPriorityPlanner.Priority(stats, P));
    }

    [Theory]
    [InlineData(40, 23_000)]
    [InlineData(41, 22_425)]
    [InlineData(60, 11_500)]
    [InlineData(79, 575)]
    [InlineData(80, 0)]
    [InlineData(500, 0)]
    public void Priority_PendingJobs_BackpressureIsLinearBetweenSoftAndHardLimit(int pending, long expected)
    {
        Assert.Equal(expected, SelfplayPriorityPlanner.Priority(Stats(BoardType.Square8, 2, pending: pending), P));
    }

    [Theory]
    [InlineData(0L, 100)]
    [InlineData(49L, 100)]
    [InlineData(50L, 75)]
    [InlineData(499L, 75)]
    [InlineData(500L, 50)]
    [InlineData(1_999L, 50)]
    [InlineData(2_000L, 25)]
    [InlineData(4_999L, 25)]
    [InlineData(5_000L, 0)]
    public void BootstrapBoost_Tiers(long games, int expected)
    {
        Assert.Equal(expected, SelfplayPriorityPlanner.BootstrapBoost(games));
    }

    [Theory]
    [InlineData(5_000, -2)]
    [InlineData(7_000, -1)]
    [InlineData(10_000, 0)]
    [InlineData(12_400, 0)]
    [InlineData(12_500, 1)]
    [InlineData(20_000, 3)]
    [InlineData(0, -2)]
    public void CurriculumBoost_ClampsTruncatedFourTimesExcess(int weightBp, int expected)
    {
        Assert.Equal(expected, SelfplayPriorityPlanner.CurriculumBoost(new Ratio(weightBp)));
    }

    [Theory]
    [InlineData(-100, 3_000)]
    [InlineData(0, 3_000)]
    [InlineData(1, 10_020)]
    [InlineData(250, 15_000)]
    [InlineData(1_000, 30_000)]
    [InlineData(50_000, 30_000)]
    public void GapFactor_IsPointThreeAtTargetElseOnePlusGapOverFiveHundredCappedAtThree(int gap, int expectedBp)
    {
        Assert.Equal(new Ratio(expectedBp), SelfplayPriorityPlanner.GapFactor(gap, P));
    }

    [Theory]
    [InlineData(360L, 0)]
    [InlineData(361L, 1)]
    [InlineData(721L, 3)]
    [InlineData(1_441L, 5)]
    [InlineData(2_881L, 7)]
    [InlineData(4_321L, 10)]
    public void StalenessBoost_OriginalTiers(long minutes, int expected)
    {
        Assert.Equal(expected, SelfplayPriorityPlanner.StalenessBoost(Duration.FromMinutes(minutes)));
    }

    [Fact]
    public void StarvationBoost_NeverRan_IsCappedWithoutOverflow()
    {
        Assert.Equal(100_000L * 100, SelfplayPriorityPlanner.StarvationBoost(Duration.MaxValue, P));
        Assert.Equal(0, SelfplayPriorityPlanner.StarvationBoost(Duration.FromHours(6), P));
        Assert.Equal(100, SelfplayPriorityPlanner.StarvationBoost(Duration.FromHours(6) + Duration.FromMinutes(6), P));
    }

    [Fact]
    public void StarvationOutrankBound_Default_IsAboutFortyTwoHours()
    {
        // Largest unstarved weight: (8 + 100 + 3 + 10 + 5 + 5) × 3.0 = 393 points; 394 points at 10 an hour = 2,364 minutes.
        Assert.Equal(39_300, SelfplayPriorityPlanner.UnstarvedWeightMax(P));
        Assert.Equal(Duration.FromHours(6) + Duration.FromMinutes(2_365), SelfplayPriorityPlanner.StarvationOutrankBound(P));
    }

    [Fact]
    public void PickConfig_AllZero_IsMinusOneAndDrawsNothing()
    {
        var prng = new Prng(9);
        Assert.Equal(-1, SelfplayPriorityPlanner.PickConfig([0, 0, 0], prng));
        Assert.Equal(-1, SelfplayPriorityPlanner.PickConfig([], prng));
        Assert.Equal(new Prng(9).NextUInt64(), prng.NextUInt64());
    }

    [Fact]
    public void PickConfig_NegativeWeight_Throws()
    {
        Assert.Throws<InvariantViolationException>(() => SelfplayPriorityPlanner.PickConfig([3, -1], new Prng(1)));
    }

    [Fact]
    public void PickConfig_SeedOne_ExactSequence()
    {
        var prng = new Prng(1);
        var picks = new int[10];
        for (var i = 0; i < picks.Length; i++) picks[i] = SelfplayPriorityPlanner.PickConfig([1, 2, 0, 7], prng);
        Assert.Equal(Expected.SeedOnePicks, picks);
    }

    [Fact]
    public void PickConfig_OverManySeededPicks_ChoosesEveryPositiveConfigInProportion()
    {
        var stats = new ConfigStats[SelfplayConfig.Count];
        for (var i = 0; i < stats.Length; i++)
            stats[i] = new ConfigStats(SelfplayConfig.All[i], Games: i * 1_000, GamesSinceTraining: 100, EloGap: i * 100 - 300,
                CurriculumWeight: Ratio.One, SinceLastSelfplay: Duration.FromMinutes(i * 10), PendingJobs: i == 5 ? 90 : 0, RunningJobs: 1);
        Span<long> weights = stackalloc long[SelfplayConfig.Count];
        SelfplayPriorityPlanner.Weigh(stats, P, weights);
        Assert.Equal(0, weights[5]);
        long total = 0;
        foreach (var w in weights) total += w;

        var counts = new int[SelfplayConfig.Count];
        var prng = new Prng(20_240_601);
        const int picks = 200_000;
        for (var i = 0; i < picks; i++) counts[SelfplayPriorityPlanner.PickConfig(weights, prng)]++;

        for (var i = 0; i < counts.Length; i++)
        {
            if (weights[i] == 0) { Assert.Equal(0, counts[i]); continue; }
            var expected = (double)picks * weights[i] / total;
            Assert.True(counts[i] > 0, $"config {i} never picked");
            // Six standard deviations of a binomial count: fails by chance with probability ~1e-9.
            Assert.True(Math.Abs(counts[i] - expected) <= 6 * Math.Sqrt(expected) + 1, $"config {i}: {counts[i]} vs {expected:F0}");
        }
    }

    [Fact]
    public void PickConfigForNode_SmallGpu_NeverPicksALargeBoard()
    {
        var stats = new ConfigStats[SelfplayConfig.Count];
        for (var i = 0; i < stats.Length; i++) stats[i] = Stats(SelfplayConfig.All[i].Board, SelfplayConfig.All[i].Players);
        var node = new NodeCandidate(new NodeId("vast-3060-1"), GpuClass.Rtx3060, GpuHealth.Healthy, ByteSize.FromGigabytes(6),
            ByteSize.FromGigabytes(32), ByteSize.FromGigabytes(100), 2, false, false);
        var weights = new long[SelfplayConfig.Count];
        var prng = new Prng(5);
        for (var n = 0; n < 500; n++)
        {
            var pick = SelfplayPriorityPlanner.PickConfigForNode(stats, node, P, weights, prng);
            Assert.False(SelfplayConfig.All[pick].IsLargeBoard);
        }
        Assert.Equal(0, weights[new SelfplayConfig(BoardType.Hexagonal, 2).Index]);
        Assert.Equal(23_000, weights[new SelfplayConfig(BoardType.Square8, 2).Index]);
        Assert.Equal(-1, SelfplayPriorityPlanner.PickConfigForNode(stats, node with { SlotsFree = 0 }, P, weights, prng));
    }

    private static class Expected
    {
        public static readonly int[] SeedOnePicks = [3, 3, 3, 3, 3, 1, 0, 3, 3, 3];
    }
}
