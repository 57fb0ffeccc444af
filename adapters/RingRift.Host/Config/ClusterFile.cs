using System.Collections.Immutable;
using RingRift.Adapters.Process;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Host.Config;

/// <summary>
/// What a cluster file says: its hosts (offline ones left out), voters, and the optional timing,
/// job command, slot and dispatch settings. Absent sections are null and take the kernel's defaults.
/// </summary>
public sealed record ClusterFile(
    ImmutableArray<HostEntry> Hosts,
    ImmutableArray<NodeId> Voters,
    MembershipMode? Mode,
    MembershipConfig? Membership,
    ElectionTimings? Election,
    JobCommandTemplates Jobs,
    int? JobSlotsMax)
{
    /// <summary>Dispatch timings from the <c>scheduling</c> section; null (no section) leaves dispatch off.</summary>
    public SchedulingConfig? Scheduling { get; init; }

    /// <summary>Data sync from the <c>sync</c> section; null (no section) leaves sync off.</summary>
    public RingRift.Kernel.Sync.SyncConfig? Sync { get; init; }

    /// <summary>Predictive monitoring from the <c>monitoring</c> section; null (no section) leaves it to <c>RINGRIFT_MONITORING</c>.</summary>
    public RingRift.Kernel.Monitoring.MonitoringConfig? Monitoring { get; init; }

    /// <summary>The auto-scaler from the <c>scaling</c> section; null (no section, or <c>enabled: false</c>) leaves it off.</summary>
    public RingRift.Kernel.Scaling.ScalingConfig? Scaling { get; init; }

    /// <summary>The provider's commands from the <c>scaling</c> section; null when the scaler is off.</summary>
    public ProviderTemplates? Provider { get; init; }
}
