using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Election;

/// <summary>
/// Lease election settings. <see cref="Voters"/> grant leases (quorum: a strict majority of them);
/// <see cref="Candidates"/> are the nodes allowed to lead, ranked. A leader renews every
/// <see cref="RenewInterval"/> and announces itself; followers that hear nothing for
/// <see cref="LeaderTimeout"/> consider it lost and campaign after a rank-based delay
/// (<see cref="RankStep"/> per live better candidate) plus seeded jitter.
/// </summary>
public sealed record ElectionConfig(
    ImmutableArray<NodeId> Voters,
    ImmutableArray<CandidateRank> Candidates,
    Duration Lease,
    Duration RenewInterval,
    Duration LeaderTimeout,
    Duration CandidateTimeout,
    Duration RankStep,
    Duration Jitter,
    Duration StartupGrace)
{
    public static ElectionConfig WithDefaultTimings(ImmutableArray<NodeId> voters, ImmutableArray<CandidateRank> candidates) => new(
        voters, candidates,
        Lease: Duration.FromSeconds(20),
        RenewInterval: Duration.FromSeconds(4),
        LeaderTimeout: Duration.FromSeconds(12),
        CandidateTimeout: Duration.FromSeconds(6),
        RankStep: Duration.FromSeconds(2),
        Jitter: Duration.FromSeconds(3),
        StartupGrace: Duration.FromSeconds(10));

    /// <summary>
    /// The largest forward step of a voter's monotonic clock that leases stay safe under (see
    /// <see cref="LeaseMath"/>): a voter honours each grant for <see cref="Lease"/> plus this. A larger
    /// step, like drift beyond the drift bound, can let two leases overlap.
    /// </summary>
    public Duration ClockStepMax { get; init; } = Duration.FromSeconds(2);

    /// <summary>How long a voter refuses others after a grant, on its own clock.</summary>
    public Duration VoterHonours => Lease + ClockStepMax;

    public int Quorum => LeaseMath.Quorum(Voters.Length);

    public bool IsVoter(NodeId node) => Voters.Contains(node);

    public CandidateRank? RankOf(NodeId node)
    {
        foreach (var candidate in Candidates)
            if (candidate.Node == node) return candidate;
        return null;
    }

    public IReadOnlyList<string> Validate(int driftBoundPpm)
    {
        var errors = new List<string>();
        if (RenewInterval <= Duration.Zero) errors.Add($"renew_interval must be positive (got {RenewInterval})");
        // Two renewals must fit in the leader's side of a lease, or one lost renewal ends leadership.
        var leaderSide = LeaseMath.LeaderSide(Lease, driftBoundPpm);
        if (leaderSide < RenewInterval * 2)
            errors.Add($"lease ({Lease}, {leaderSide} on the leader's side at {driftBoundPpm} ppm) must cover two renew_interval ({RenewInterval})");
        if (LeaderTimeout <= RenewInterval * 2)
            errors.Add($"leader_timeout ({LeaderTimeout}) must exceed two renew_interval ({RenewInterval})");
        if (CandidateTimeout <= Duration.Zero) errors.Add($"candidate_timeout must be positive (got {CandidateTimeout})");
        if (RankStep < Duration.Zero || Jitter < Duration.Zero || StartupGrace < Duration.Zero || ClockStepMax < Duration.Zero)
            errors.Add("rank_step, jitter, startup_grace and clock_step_max must not be negative");
        return errors;
    }
}
