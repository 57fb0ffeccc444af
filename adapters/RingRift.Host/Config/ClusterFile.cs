using System.Collections.Immutable;
using RingRift.Adapters.Process;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;

namespace RingRift.Host.Config;

/// <summary>
/// What a cluster file says: its hosts (offline ones left out), voters, and the optional timing,
/// job command and slot settings. Absent sections are null and take the kernel's defaults.
/// </summary>
public sealed record ClusterFile(
    ImmutableArray<HostEntry> Hosts,
    ImmutableArray<NodeId> Voters,
    MembershipMode? Mode,
    MembershipConfig? Membership,
    ElectionTimings? Election,
    JobCommandTemplates Jobs,
    int? JobSlotsMax);
