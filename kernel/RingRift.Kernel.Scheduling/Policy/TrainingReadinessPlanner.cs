namespace RingRift.Kernel.Scheduling;

/// <summary>
/// Whether a config should train now (ORIGINAL-BEHAVIOUR §5.10). Thresholds shrink as the cluster grows,
/// because a larger cluster makes the same number of games sooner:
/// <code>
/// scale     = 1.0 (≤ 1 GPU node) | 0.7 (≤ 2) | 0.5 (≤ 4) | 0.35 (more)
/// min_games = max(floor, ⌊TrainingGamesMin · scale⌋)          defaults 2,000 and 500
/// increment = max(floor, ⌊TrainingGamesIncrement · scale⌋)    defaults 1,000 and 200
/// ready     ⇔ none in flight ∧ games ≥ min_games ∧ (never trained ∨ games since training ≥ increment)
///             ∧ time since the last training of this config ≥ cooldown (30 min)
/// </code>
/// Fixed from the original: the history this reads is persisted, so a new leader neither forgets a
/// training nor starts a duplicate one; and an in-flight training always blocks another.
/// </summary>
public static class TrainingReadinessPlanner
{
    /// <summary>The cluster-size scale of the thresholds, by the number of nodes with a healthy GPU.</summary>
    public static Ratio ClusterScale(int gpuNodes) =>
        gpuNodes <= 1 ? Ratio.One
        : gpuNodes <= 2 ? new Ratio(7_000)
        : gpuNodes <= 4 ? new Ratio(5_000)
        : new Ratio(3_500);

    /// <summary>Games a config needs before its first training.</summary>
    public static long GamesMin(int gpuNodes, SchedulingPolicy policy) =>
        System.Math.Max(policy.TrainingGamesMinFloor, ClusterScale(gpuNodes).Of(policy.TrainingGamesMin));

    /// <summary>New games a trained config needs before it trains again.</summary>
    public static long GamesIncrement(int gpuNodes, SchedulingPolicy policy) =>
        System.Math.Max(policy.TrainingGamesIncrementFloor, ClusterScale(gpuNodes).Of(policy.TrainingGamesIncrement));

    /// <summary>Ready, or the first reason not to train, checked in the order of <see cref="TrainingReadiness"/>.</summary>
    public static TrainingReadiness Check(in TrainingCandidate candidate, int gpuNodes, SchedulingPolicy policy)
    {
        if (candidate.InFlight) return TrainingReadiness.InFlight;
        if (candidate.Games < GamesMin(gpuNodes, policy)) return TrainingReadiness.TooFewGames;
        if (candidate.EverTrained && candidate.GamesSinceTraining < GamesIncrement(gpuNodes, policy))
            return TrainingReadiness.TooFewNewGames;
        if (candidate.SinceLastTraining < policy.TrainingCooldown) return TrainingReadiness.CoolingDown;
        return TrainingReadiness.Ready;
    }

    /// <summary>True when <see cref="Check"/> is <see cref="TrainingReadiness.Ready"/>.</summary>
    public static bool IsReady(in TrainingCandidate candidate, int gpuNodes, SchedulingPolicy policy) =>
        Check(candidate, gpuNodes, policy) == TrainingReadiness.Ready;
}
