using System.Collections.Immutable;

namespace RingRift.Simulator.Checking;

/// <summary>
/// The names scenarios use for checks. A scenario that names none gets <see cref="Defaults"/>:
/// every check except <see cref="StableMembership"/> and <see cref="StableLeadership"/>, which only
/// fault-free scenarios can promise.
/// </summary>
public static class CheckCatalog
{
    /// <summary>Safety: every message carries an incarnation already durable on the sender's disk.</summary>
    public const string IncarnationDurable = "incarnation_durable";

    /// <summary>Safety: member states change only along Alive → Suspect → Dead → Retired, or back to Alive.</summary>
    public const string MembershipLifecycle = "membership_lifecycle";

    /// <summary>Safety, opt-in for fault-free scenarios: no node ever sees a peer leave Alive.</summary>
    public const string StableMembership = "stable_membership";

    /// <summary>Safety: a node never runs more jobs than its slots; every launch completes exactly once.</summary>
    public const string JobSlots = "job_slots";

    /// <summary>Liveness: once healed, running nodes see each other alive and long-crashed nodes dead or retired.</summary>
    public const string MembershipConverges = "membership_converges";

    /// <summary>Safety: no two nodes are elected leader at the same epoch.</summary>
    public const string LeaderPerEpoch = "leader_per_epoch";

    /// <summary>Safety: no two leadership leases are valid at the same true instant.</summary>
    public const string LeaseExclusive = "lease_exclusive";

    /// <summary>Safety: only an eligible candidate is ever elected.</summary>
    public const string LeaderEligible = "leader_eligible";

    /// <summary>Liveness: once healed, one leader holds a lease and every running dialable node follows it.</summary>
    public const string LeaderConverges = "leader_converges";

    /// <summary>Safety, opt-in for fault-free scenarios: no leader change after the first election.</summary>
    public const string StableLeadership = "stable_leadership";

    /// <summary>Safety: no job id runs on two nodes at once.</summary>
    public const string JobExclusive = "job_exclusive";

    /// <summary>Safety, with a workload: the jobs a node runs never take more than the slots dispatch gives it (a training a GPU's).</summary>
    public const string JobCapacity = "job_capacity";

    /// <summary>Safety: a worker applies an assignment only at an epoch at least the highest it has seen.</summary>
    public const string JobFenced = "job_fenced";

    /// <summary>Liveness, end of run: every assigned job ended (completed, or failed with a reason) or is legitimately live.</summary>
    public const string JobAccounted = "job_accounted";

    /// <summary>Alarm: the leader's book holds pending work with nothing assigned or running for over 2 minutes.</summary>
    public const string IdleWithPending = "idle_with_pending";

    /// <summary>Safety, with sync: a durable game or model always keeps an intact copy.</summary>
    public const string GamesDurable = "games_durable";

    /// <summary>Safety, with sync: no node accepts a file whose content differs from what was written.</summary>
    public const string CorruptRejected = "corrupt_rejected";

    /// <summary>Liveness, with sync: after the last change every game reaches the canonical store within the bound.</summary>
    public const string GamesReachCanonical = "games_reach_canonical";

    /// <summary>Liveness, with sync: a promoted model is on 95 % of the running GPU nodes within the bound.</summary>
    public const string ModelDistributed = "model_distributed";

    /// <summary>Safety, with sync and a workload: no selfplay runs on a model older than the promoted one past the policy's bound.</summary>
    public const string SelfplayModelFresh = "selfplay_model_fresh";

    /// <summary>Safety, with scaling: the auto-scaler never decommissions a voter or a node running a training.</summary>
    public const string ScaleDownSafe = "scale_down_safe";

    public static readonly ImmutableArray<string> Names =
    [
        IncarnationDurable, MembershipLifecycle, StableMembership, JobSlots, MembershipConverges,
        LeaderPerEpoch, LeaseExclusive, LeaderEligible, LeaderConverges, StableLeadership,
        JobExclusive, JobCapacity, JobFenced, JobAccounted, IdleWithPending, ScaleDownSafe,
        GamesDurable, CorruptRejected, GamesReachCanonical, ModelDistributed, SelfplayModelFresh,
    ];

    public static readonly ImmutableArray<string> Defaults =
    [
        IncarnationDurable, MembershipLifecycle, JobSlots, MembershipConverges,
        LeaderPerEpoch, LeaseExclusive, LeaderEligible, LeaderConverges,
        JobExclusive, JobCapacity, JobFenced, JobAccounted, IdleWithPending, ScaleDownSafe,
        GamesDurable, CorruptRejected, GamesReachCanonical, ModelDistributed, SelfplayModelFresh,
    ];
}
