using System.Collections.Immutable;
using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class SchedulingPolicyTests
{
    private static readonly SchedulingPolicy P = SchedulingPolicy.Default;

    [Fact]
    public void Default_IsValid()
    {
        Assert.Empty(P.Validate());
    }

    [Fact]
    public void Default_BasePriority_IsTheOriginalsTableInConfigOrder()
    {
        Assert.Equal(8, P.BasePriority[new SelfplayConfig(BoardType.Hexagonal, 3).Index]);
        Assert.Equal(7, P.BasePriority[new SelfplayConfig(BoardType.Square19, 4).Index]);
        Assert.Equal(5, P.BasePriority[new SelfplayConfig(BoardType.Square8, 2).Index]);
        Assert.Equal(4, P.BasePriority[new SelfplayConfig(BoardType.Square19, 2).Index]);
    }

    [Fact]
    public void Validate_NamesEachBrokenField()
    {
        var broken = P with
        {
            BasePriority = [1, 2, 3],
            PendingHardLimit = 10,
            PendingSoftLimit = 10,
            NodeJobsMaxGpu = 0,
            TrainingGamesMin = 100,
            RuntimeCaps = JobRuntimeCaps.Default with { TrainingLargeBoard = Duration.FromHours(1) },
            Promotion = new PromotionPolicy(Ratio.Zero, 0),
        };
        var errors = string.Join("\n", broken.Validate());
        Assert.Contains("base_priority", errors);
        Assert.Contains("pending_hard_limit", errors);
        Assert.Contains("node_jobs_max_gpu", errors);
        Assert.Contains("training_games_min", errors);
        Assert.Contains("training_large_board", errors);
        Assert.Contains("win_rate_min", errors);
        Assert.Contains("games_min must be positive", errors);
    }

    [Fact]
    public void Validate_StarvationTooWeakToOutrank_IsAnError()
    {
        Assert.Contains((P with { StarvationPointsPerHour = 0 }).Validate(), e => e.Contains("starvation_points_per_hour"));
        Assert.Contains((P with { StarvationPointsMax = 300 }).Validate(), e => e.Contains("starvation_points_max"));
        Assert.Empty((P with { StarvationPointsMax = 394 }).Validate());
    }

    [Fact]
    public void Validate_GapFactorAtTargetAboveMax_IsAnError()
    {
        Assert.Contains((P with { GapFactorAtTarget = new Ratio(40_000) }).Validate(), e => e.Contains("gap_factor_at_target"));
        Assert.NotEmpty((P with { BasePriority = ImmutableArray<int>.Empty }).Validate());
    }
}
