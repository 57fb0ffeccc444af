using System.Collections.Immutable;

namespace RingRift.Simulator.Checking;

/// <summary>
/// The names scenarios use for checks. A scenario that names none gets <see cref="Defaults"/>:
/// every check except <see cref="StableMembership"/>, which only fault-free scenarios can promise.
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

    public static readonly ImmutableArray<string> Names =
        [IncarnationDurable, MembershipLifecycle, StableMembership, JobSlots, MembershipConverges];

    public static readonly ImmutableArray<string> Defaults =
        [IncarnationDurable, MembershipLifecycle, JobSlots, MembershipConverges];
}
