using System;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// Which selfplay config to run next: an integer weight per config, then a weighted pick from the
/// seeded <see cref="Prng"/>. Pure, deterministic, allocation-free.
/// </summary>
/// <remarks>
/// <para>The weight, in centipoints, is</para>
/// <code>
/// core   = base[config] + bootstrap(games) + curriculum(w) + staleness(since) + post_training(games since training)
///          + idle_boost (if no job of the config runs anywhere); at least 1
/// weight = core × gap_factor(elo gap) / 100 + starvation(since), then scaled down by backpressure(pending)
/// </code>
/// <para>Kept from the original (§5.3): the base table, the bootstrap tiers (100/75/50/25 below
/// 50/500/2,000/5,000 games), the curriculum term clamp(⌊(w − 1)·4⌋, −2, +3), the staleness tiers
/// (1/3/5/7/10 after 6/12/24/48/72 h), the post-training boost (+5 below 25 new games, +2 below 50),
/// the +5 for a config not running, and the Elo gap factor (0.3 at target, else min(3, 1 + gap/500)).</para>
/// <para>Fixed: the original's staleness stops at 10 points, so a config at its Elo target (factor 0.3)
/// could starve for days next to bootstrapping ones. Here starvation adds points per hour beyond
/// <see cref="SchedulingPolicy.StarvationAfter"/>, outside the gap factor, so every config that goes
/// unplayed long enough eventually outranks every config that is being played. Backpressure: a config
/// with more than <see cref="SchedulingPolicy.PendingSoftLimit"/> jobs queued is weighted down linearly
/// to zero at <see cref="SchedulingPolicy.PendingHardLimit"/>, so queues cannot bloat (FAILURE-MODES 18).</para>
/// </remarks>
public static class SelfplayPriorityPlanner
{
    private const long CentipointsPerPoint = 100;

    /// <summary>
    /// The config's weight in centipoints, ≥ 0. Zero only under full backpressure
    /// (<see cref="ConfigStats.PendingJobs"/> ≥ <see cref="SchedulingPolicy.PendingHardLimit"/>).
    /// </summary>
    public static long Priority(ConfigStats stats, SchedulingPolicy policy)
    {
        var core = (long)policy.BasePriority[stats.Config.Index]
            + BootstrapBoost(stats.Games)
            + CurriculumBoost(stats.CurriculumWeight)
            + StalenessBoost(stats.SinceLastSelfplay)
            + PostTrainingBoost(stats.GamesSinceTraining)
            + (stats.RunningJobs <= 0 ? policy.IdleConfigBoost : 0);
        core = Math.Max(1, core);
        var weight = core * GapFactor(stats.EloGap, policy).BasisPoints / CentipointsPerPoint
            + StarvationBoost(stats.SinceLastSelfplay, policy);
        return ApplyBackpressure(weight, stats.PendingJobs, policy);
    }

    /// <summary>Writes <see cref="Priority"/> of each config into <paramref name="weights"/> (same length).</summary>
    public static void Weigh(ReadOnlySpan<ConfigStats> stats, SchedulingPolicy policy, Span<long> weights)
    {
        Invariant.True(weights.Length == stats.Length);
        for (var i = 0; i < stats.Length; i++) weights[i] = Priority(stats[i], policy);
    }

    /// <summary>
    /// A weighted pick: index i with probability weights[i] / Σ weights, or −1 when every weight is
    /// zero. Draws exactly one value from <paramref name="prng"/> when any weight is positive (none
    /// otherwise), so the stream stays aligned. Callers zero the weight of a config they cannot place.
    /// Precondition: no weight is negative.
    /// </summary>
    public static int PickConfig(ReadOnlySpan<long> weights, Prng prng)
    {
        long total = 0;
        foreach (var w in weights)
        {
            Invariant.True(w >= 0);
            total = checked(total + w);
        }
        if (total == 0) return -1;
        var draw = (long)prng.NextBelow((ulong)total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (draw < weights[i]) return i;
            draw -= weights[i];
        }
        Invariant.True(false);
        return -1;
    }

    /// <summary>
    /// The config for the next selfplay job on <paramref name="node"/>: weights as <see cref="Weigh"/>,
    /// with every config whose selfplay demand the node cannot meet set to zero (a large board on a
    /// small GPU), then <see cref="PickConfig"/>. Returns the index in <paramref name="stats"/>, or −1
    /// when nothing fits. <paramref name="weights"/> is scratch of the same length, left holding the
    /// weights used.
    /// </summary>
    public static int PickConfigForNode(
        ReadOnlySpan<ConfigStats> stats, in NodeCandidate node, SchedulingPolicy policy, Span<long> weights, Prng prng)
    {
        Invariant.True(weights.Length == stats.Length);
        for (var i = 0; i < stats.Length; i++)
        {
            var demand = JobDemand.For(JobKind.Selfplay, stats[i].Config, policy);
            weights[i] = NodeSelectionPlanner.IsCapable(demand, node) ? Priority(stats[i], policy) : 0;
        }
        return PickConfig(weights, prng);
    }

    /// <summary>Points for a config with few games: 100 below 50, 75 below 500, 50 below 2,000, 25 below 5,000.</summary>
    public static int BootstrapBoost(long games) =>
        games < 50 ? 100 : games < 500 ? 75 : games < 2_000 ? 50 : games < 5_000 ? 25 : 0;

    /// <summary>clamp(⌊(w − 1)·4⌋ toward zero, −2, +3): the curriculum's nudge, in points.</summary>
    public static int CurriculumBoost(Ratio weight)
    {
        var boost = (weight.BasisPoints - Ratio.BasisPointsPerOne) * 4L / Ratio.BasisPointsPerOne;
        return (int)Math.Clamp(boost, -2, 3);
    }

    /// <summary>The original's staleness tiers: 10 after 72 h, 7 after 48 h, 5 after 24 h, 3 after 12 h, 1 after 6 h.</summary>
    public static int StalenessBoost(Duration since) =>
        since > Duration.FromHours(72) ? 10
        : since > Duration.FromHours(48) ? 7
        : since > Duration.FromHours(24) ? 5
        : since > Duration.FromHours(12) ? 3
        : since > Duration.FromHours(6) ? 1
        : 0;

    /// <summary>+5 points below 25 games since the last training, +2 below 50: fresh data for a new model.</summary>
    public static int PostTrainingBoost(long gamesSinceTraining) =>
        gamesSinceTraining < 25 ? 5 : gamesSinceTraining < 50 ? 2 : 0;

    /// <summary>The Elo gap factor: <see cref="SchedulingPolicy.GapFactorAtTarget"/> at or past the target, else min(max, 1 + gap / step).</summary>
    public static Ratio GapFactor(int eloGap, SchedulingPolicy policy)
    {
        if (eloGap <= 0) return policy.GapFactorAtTarget;
        var factor = Ratio.BasisPointsPerOne + (long)eloGap * Ratio.BasisPointsPerOne / policy.EloGapPerStep;
        return new Ratio((int)Math.Min(factor, policy.GapFactorMax.BasisPoints));
    }

    /// <summary>Centipoints for a config unplayed beyond <see cref="SchedulingPolicy.StarvationAfter"/>: per hour (counted by the minute), capped.</summary>
    public static long StarvationBoost(Duration since, SchedulingPolicy policy)
    {
        if (since <= policy.StarvationAfter) return 0;
        var minutes = (since.Micros - policy.StarvationAfter.Micros) / (60 * Duration.MicrosPerSecond);
        var capMinutes = (long)policy.StarvationPointsMax * 60;
        // Capping the minutes first keeps the product far from overflow for Duration.MaxValue.
        var points = policy.StarvationPointsPerHour == 0 ? 0 : Math.Min(minutes, capMinutes) * policy.StarvationPointsPerHour / 60;
        return Math.Min(points, policy.StarvationPointsMax) * CentipointsPerPoint;
    }

    /// <summary>
    /// The largest weight a config can have without starvation points, in centipoints: every boost at
    /// its maximum, times <see cref="SchedulingPolicy.GapFactorMax"/>.
    /// </summary>
    public static long UnstarvedWeightMax(SchedulingPolicy policy)
    {
        var baseMax = 0;
        foreach (var p in policy.BasePriority) baseMax = Math.Max(baseMax, p);
        var coreMax = (long)baseMax + BootstrapBoost(0) + CurriculumBoost(new Ratio(int.MaxValue)) + StalenessBoost(Duration.MaxValue)
            + PostTrainingBoost(0) + policy.IdleConfigBoost;
        return coreMax * policy.GapFactorMax.BasisPoints / CentipointsPerPoint;
    }

    /// <summary>
    /// The starvation guarantee: a config unplayed for longer than this (and not under backpressure)
    /// outweighs every config played within <see cref="SchedulingPolicy.StarvationAfter"/>. Null when
    /// the policy gives no such guarantee (no starvation points, or a cap below the largest weight).
    /// </summary>
    public static Duration? StarvationOutrankBound(SchedulingPolicy policy)
    {
        var neededPoints = UnstarvedWeightMax(policy) / CentipointsPerPoint + 1;
        if (policy.StarvationPointsPerHour <= 0 || neededPoints > policy.StarvationPointsMax) return null;
        // Points accrue per whole minute: minutes · rate / 60 ≥ needed once minutes ≥ ⌈needed · 60 / rate⌉.
        var minutes = (neededPoints * 60 + policy.StarvationPointsPerHour - 1) / policy.StarvationPointsPerHour;
        return policy.StarvationAfter + Duration.FromMinutes(minutes + 1);
    }

    /// <summary>Full weight up to the soft limit of pending jobs, linearly less to zero at the hard limit.</summary>
    public static long ApplyBackpressure(long weight, int pending, SchedulingPolicy policy)
    {
        if (pending <= policy.PendingSoftLimit) return weight;
        if (pending >= policy.PendingHardLimit) return 0;
        return weight * (policy.PendingHardLimit - pending) / (policy.PendingHardLimit - policy.PendingSoftLimit);
    }
}
