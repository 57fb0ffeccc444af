using System.Collections.Immutable;
using RingRift.Kernel.Election;
using RingRift.Kernel.Node;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>election</c> block: overrides of the election timing (<see cref="ElectionConfig.WithDefaultTimings"/>)
/// key by key. Voters and candidates still come from the cluster. The result must pass
/// <see cref="ElectionConfig.Validate"/> at the kernel's default drift bound, its complaints reported at the
/// line of the <c>election:</c> key.
/// </summary>
internal static class ElectionSection
{
    private static readonly ImmutableArray<string> Keys =
        ["lease", "renew_interval", "leader_timeout", "candidate_timeout", "rank_step", "jitter", "startup_grace", "clock_step_max"];

    /// <summary>The drift bound the simulator's kernels run with: <see cref="KernelConfig"/>'s default.</summary>
    private const int DriftBoundPpm = 500;

    /// <summary>The default timings, with no voters or candidates: the cluster supplies those.</summary>
    public static readonly ElectionConfig Defaults = ElectionConfig.WithDefaultTimings([], []);

    public static ElectionConfig Read(MapReader root)
    {
        if (root.Optional("election") is not { } value) return Defaults;
        var map = value.Map("election", Keys);
        var timings = Defaults with
        {
            Lease = map.Optional("lease")?.PositiveDuration() ?? Defaults.Lease,
            RenewInterval = map.Optional("renew_interval")?.PositiveDuration() ?? Defaults.RenewInterval,
            LeaderTimeout = map.Optional("leader_timeout")?.PositiveDuration() ?? Defaults.LeaderTimeout,
            CandidateTimeout = map.Optional("candidate_timeout")?.PositiveDuration() ?? Defaults.CandidateTimeout,
            RankStep = map.Optional("rank_step")?.Duration() ?? Defaults.RankStep,
            Jitter = map.Optional("jitter")?.Duration() ?? Defaults.Jitter,
            StartupGrace = map.Optional("startup_grace")?.Duration() ?? Defaults.StartupGrace,
            ClockStepMax = map.Optional("clock_step_max")?.Duration() ?? Defaults.ClockStepMax,
        };
        var errors = timings.Validate(DriftBoundPpm);
        if (errors.Count > 0) throw value.Error("election: " + string.Join("; ", errors));
        return timings;
    }
}
