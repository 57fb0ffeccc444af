using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Scheduling;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

/// <summary>Priorities favour few games, starved configs and short queues; the pick is seeded and honours zero weights.</summary>
public sealed class SelfplayPriorityLaws
{
    private static readonly SchedulingPolicy P = SchedulingPolicy.Default;
    private static readonly Arbitrary<ConfigStats> Stats = PolicyGen.Stats.ToArbitrary();
    private static readonly Arbitrary<long[]> Weights = PolicyGen.Weights.ToArbitrary();
    private static readonly Arbitrary<ulong> Seeds = ArbMap.Default.ArbFor<ulong>();

    [Property(MaxTest = 500)]
    public Property Priority_BootstrapBoostsConfigsWithFewGames() => Prop.ForAll(Stats, Gen.Choose(0, 20_000).ToArbitrary(), (stats, fewer) =>
    {
        var few = stats with { Games = System.Math.Min(fewer, stats.Games) };
        return SelfplayPriorityPlanner.Priority(few, P) >= SelfplayPriorityPlanner.Priority(stats, P);
    });

    [Property(MaxTest = 500)]
    public Property Priority_BelowBootstrapThreshold_OutweighsSameConfigPastIt() => Prop.ForAll(Stats, stats =>
    {
        var fresh = stats with { Games = 10, PendingJobs = 0 };
        var mature = stats with { Games = 5_000, PendingJobs = 0 };
        return SelfplayPriorityPlanner.Priority(fresh, P) > SelfplayPriorityPlanner.Priority(mature, P);
    });

    [Property(MaxTest = 500)]
    public Property Priority_StarvedConfigEventuallyOutranksEveryPlayedConfig() => Prop.ForAll(Stats, Stats, (played, starved) =>
    {
        var bound = SelfplayPriorityPlanner.StarvationOutrankBound(P)!.Value;
        var recent = played with { SinceLastSelfplay = Duration.FromMinutes(played.SinceLastSelfplay.Micros % P.StarvationAfter.Micros / 60_000_000) };
        var hungry = starved with { SinceLastSelfplay = bound, PendingJobs = System.Math.Min(starved.PendingJobs, P.PendingSoftLimit) };
        return SelfplayPriorityPlanner.Priority(hungry, P) > SelfplayPriorityPlanner.Priority(recent, P);
    });

    [Property(MaxTest = 500)]
    public Property Priority_NeverDecreasesWhileAConfigStaysUnplayed() => Prop.ForAll(Stats, Gen.Choose(0, 100_000).ToArbitrary(), (stats, extraMinutes) =>
    {
        var later = stats with { SinceLastSelfplay = stats.SinceLastSelfplay + Duration.FromMinutes(extraMinutes) };
        return SelfplayPriorityPlanner.Priority(later, P) >= SelfplayPriorityPlanner.Priority(stats, P);
    });

    [Property(MaxTest = 500)]
    public Property Priority_BackpressureNeverRaisesWeight_AndIsPositiveBelowSoftLimit() => Prop.ForAll(Stats, Gen.Choose(0, 50).ToArbitrary(), (stats, more) =>
    {
        var busier = stats with { PendingJobs = stats.PendingJobs + more };
        var calm = stats with { PendingJobs = System.Math.Min(stats.PendingJobs, P.PendingSoftLimit) };
        return SelfplayPriorityPlanner.Priority(busier, P) <= SelfplayPriorityPlanner.Priority(stats, P)
            && SelfplayPriorityPlanner.Priority(calm, P) > 0;
    });

    [Property(MaxTest = 300)]
    public Property PickConfig_IsDeterministicForSeed() => Prop.ForAll(Weights, Seeds, (weights, seed) =>
    {
        var a = new Prng(seed);
        var b = new Prng(seed);
        for (var i = 0; i < 20; i++)
            if (SelfplayPriorityPlanner.PickConfig(weights, a) != SelfplayPriorityPlanner.PickConfig(weights, b)) return false;
        return true;
    });

    [Property(MaxTest = 300)]
    public Property PickConfig_NeverPicksZeroWeight() => Prop.ForAll(Weights, Seeds, (weights, seed) =>
    {
        var prng = new Prng(seed);
        var anyPositive = System.Array.Exists(weights, w => w > 0);
        for (var i = 0; i < 50; i++)
        {
            var pick = SelfplayPriorityPlanner.PickConfig(weights, prng);
            if (anyPositive ? pick < 0 || weights[pick] == 0 : pick != -1) return false;
        }
        return true;
    });
}
