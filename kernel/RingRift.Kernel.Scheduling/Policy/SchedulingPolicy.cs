using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// Every knob of the scheduling policy: job demands, per-node job caps, selfplay priority terms,
/// training readiness thresholds, runtime caps and promotion. Immutable; <see cref="Default"/> holds
/// the original's values (ORIGINAL-BEHAVIOUR §2.3, §5.3, §5.10) where they were sound, and
/// <see cref="Validate"/> names every inconsistency.
/// </summary>
/// <remarks>
/// Priorities are in points (the original's units) and weights in centipoints (points × 100), so that
/// the Elo gap factor, a ratio in basis points, keeps two decimals in integer arithmetic.
/// </remarks>
public sealed record SchedulingPolicy(
    ByteSize SelfplayVram,
    ByteSize SelfplayVramLargeBoard,
    ByteSize SelfplayRam,
    ByteSize SelfplayDisk,
    ByteSize TrainingVram,
    ByteSize TrainingRam,
    ByteSize TrainingDisk,
    ByteSize GauntletVram,
    ByteSize GauntletRam,
    ByteSize GauntletDisk,
    int NodeJobsMaxGpu,
    int NodeJobsMaxCpu,
    ByteSize NodeRamReserve,
    ImmutableArray<int> BasePriority,
    int EloGapPerStep,
    Ratio GapFactorAtTarget,
    Ratio GapFactorMax,
    int IdleConfigBoost,
    Duration StarvationAfter,
    int StarvationPointsPerHour,
    int StarvationPointsMax,
    int PendingSoftLimit,
    int PendingHardLimit,
    long TrainingGamesMin,
    long TrainingGamesMinFloor,
    long TrainingGamesIncrement,
    long TrainingGamesIncrementFloor,
    Duration TrainingCooldown,
    JobRuntimeCaps RuntimeCaps,
    PromotionPolicy Promotion)
{
    /// <summary>
    /// The original's per-config base priority (get_config_priorities), in <see cref="SelfplayConfig.All"/>
    /// order: square8 5/4/4, square19 4/7/7, hex8 5/6/6, hexagonal 5/8/8 (2p/3p/4p).
    /// </summary>
    public static readonly ImmutableArray<int> OriginalBasePriority = [5, 4, 4, 4, 7, 7, 5, 6, 6, 5, 8, 8];

    public static readonly SchedulingPolicy Default = new(
        // VRAM: the original's claim checks (selfplay 4, training 8, gauntlet 1 GB); its 16 GB demand
        // left idle GPUs unclaimed. Large-board selfplay needs larger batches, so 8 GB.
        SelfplayVram: ByteSize.FromGigabytes(4),
        SelfplayVramLargeBoard: ByteSize.FromGigabytes(8),
        SelfplayRam: ByteSize.FromGigabytes(4),
        SelfplayDisk: ByteSize.FromGigabytes(2),
        TrainingVram: ByteSize.FromGigabytes(8),
        // Exports needed 11–17.6 GB of RAM in production.
        TrainingRam: ByteSize.FromGigabytes(18),
        TrainingDisk: ByteSize.FromGigabytes(20),
        GauntletVram: ByteSize.FromGigabytes(1),
        GauntletRam: ByteSize.FromGigabytes(2),
        GauntletDisk: ByteSize.FromGigabytes(1),
        // The original's cap was 8 per GPU node; see GpuPowerRanking.TargetSelfplayJobs for why 32.
        NodeJobsMaxGpu: 32,
        NodeJobsMaxCpu: 2,
        // The original kept 4 GB for the system and a 2 GB buffer out of every node's RAM.
        NodeRamReserve: ByteSize.FromGigabytes(6),
        BasePriority: OriginalBasePriority,
        EloGapPerStep: 500,
        GapFactorAtTarget: new Ratio(3_000),
        GapFactorMax: new Ratio(30_000),
        IdleConfigBoost: 5,
        StarvationAfter: Duration.FromHours(6),
        StarvationPointsPerHour: 10,
        StarvationPointsMax: 100_000,
        PendingSoftLimit: 40,
        PendingHardLimit: 80,
        TrainingGamesMin: 2_000,
        TrainingGamesMinFloor: 500,
        TrainingGamesIncrement: 1_000,
        TrainingGamesIncrementFloor: 200,
        TrainingCooldown: Duration.FromMinutes(30),
        RuntimeCaps: JobRuntimeCaps.Default,
        Promotion: PromotionPolicy.Default);

    /// <summary>Every inconsistency, each naming the fields involved; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        ValidateDemands(errors);
        ValidatePriority(errors);
        ValidateTraining(errors);
        return errors;
    }

    private void ValidateDemands(List<string> errors)
    {
        // A GPU job must ask for some VRAM: zero VRAM is how a demand says "CPU job".
        if (SelfplayVram.Bytes <= 0 || SelfplayVramLargeBoard.Bytes <= 0 || TrainingVram.Bytes <= 0 || GauntletVram.Bytes < 0)
            errors.Add("selfplay_vram, selfplay_vram_large_board and training_vram must be positive, gauntlet_vram not negative");
        if (SelfplayVramLargeBoard < SelfplayVram)
            errors.Add($"selfplay_vram_large_board ({SelfplayVramLargeBoard}) must be at least selfplay_vram ({SelfplayVram})");
        if (SelfplayRam.Bytes < 0 || TrainingRam.Bytes < 0 || GauntletRam.Bytes < 0 ||
            SelfplayDisk.Bytes < 0 || TrainingDisk.Bytes < 0 || GauntletDisk.Bytes < 0)
            errors.Add("ram and disk demands must not be negative");
        if (NodeRamReserve.Bytes < 0) errors.Add($"node_ram_reserve must not be negative (got {NodeRamReserve})");
        if (NodeJobsMaxGpu < 1 || NodeJobsMaxCpu < 1)
            errors.Add($"node_jobs_max_gpu ({NodeJobsMaxGpu}) and node_jobs_max_cpu ({NodeJobsMaxCpu}) must be positive");
    }

    private void ValidatePriority(List<string> errors)
    {
        var count = errors.Count;
        if (BasePriority.IsDefault || BasePriority.Length != SelfplayConfig.Count)
            errors.Add($"base_priority must have {SelfplayConfig.Count} entries, one per config");
        else
            foreach (var p in BasePriority)
                if (p < 0 || p > 1_000) errors.Add($"base_priority entries must be within 0..1000 (got {p})");
        if (EloGapPerStep < 1) errors.Add($"elo_gap_per_step must be positive (got {EloGapPerStep})");
        if (GapFactorAtTarget.BasisPoints < 1 || GapFactorAtTarget > GapFactorMax || GapFactorMax < Ratio.One || GapFactorMax.BasisPoints > 100 * Ratio.BasisPointsPerOne)
            errors.Add($"gap_factor_at_target ({GapFactorAtTarget}) must be positive and at most gap_factor_max ({GapFactorMax}), which must be within 100%..10000%");
        if (IdleConfigBoost < 0 || IdleConfigBoost > 1_000) errors.Add($"idle_config_boost must be within 0..1000 (got {IdleConfigBoost})");
        if (StarvationAfter < Duration.Zero || StarvationAfter > Duration.FromHours(24 * 365))
            errors.Add($"starvation_after must be within 0..365 days (got {StarvationAfter})");
        if (StarvationPointsPerHour < 0 || StarvationPointsMax < 0 || StarvationPointsMax > 10_000_000)
            errors.Add("starvation_points_per_hour must not be negative and starvation_points_max must be within 0..10000000");
        // The guarantee is computed from the other fields, so only once they are sound.
        else if (errors.Count == count && SelfplayPriorityPlanner.StarvationOutrankBound(this) is null)
            errors.Add($"starvation_points_per_hour ({StarvationPointsPerHour}) must be positive and starvation_points_max ({StarvationPointsMax}) above the largest unstarved weight ({SelfplayPriorityPlanner.UnstarvedWeightMax(this) / 100} points), or a starved config may never outrank the others");
        if (PendingSoftLimit < 0 || PendingHardLimit <= PendingSoftLimit)
            errors.Add($"pending_hard_limit ({PendingHardLimit}) must be greater than pending_soft_limit ({PendingSoftLimit}) ≥ 0");
    }

    private void ValidateTraining(List<string> errors)
    {
        if (TrainingGamesMinFloor < 1 || TrainingGamesMin < TrainingGamesMinFloor)
            errors.Add($"training_games_min ({TrainingGamesMin}) must be at least training_games_min_floor ({TrainingGamesMinFloor}) ≥ 1");
        if (TrainingGamesIncrementFloor < 1 || TrainingGamesIncrement < TrainingGamesIncrementFloor)
            errors.Add($"training_games_increment ({TrainingGamesIncrement}) must be at least training_games_increment_floor ({TrainingGamesIncrementFloor}) ≥ 1");
        if (TrainingCooldown < Duration.Zero) errors.Add($"training_cooldown must not be negative (got {TrainingCooldown})");
        var caps = RuntimeCaps;
        if (caps.Selfplay <= Duration.Zero || caps.TrainingSmallBoard <= Duration.Zero || caps.Gauntlet <= Duration.Zero)
            errors.Add("runtime caps must be positive");
        if (caps.TrainingLargeBoard < caps.TrainingSmallBoard)
            errors.Add($"training_large_board cap ({caps.TrainingLargeBoard}) must be at least training_small_board ({caps.TrainingSmallBoard})");
        if (Promotion.WinRateMin.BasisPoints < 1 || Promotion.WinRateMin > Ratio.One)
            errors.Add($"promotion win_rate_min must be within 0.01%..100% (got {Promotion.WinRateMin})");
        if (Promotion.GamesMin < 1) errors.Add($"promotion games_min must be positive (got {Promotion.GamesMin})");
    }
}
