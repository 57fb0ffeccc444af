using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Node;

/// <summary>
/// Everything a kernel is configured with: who it is, the cluster it belongs to, its timing, its
/// bounds and its random seed (the simulator forks one per node; the node host draws one from the
/// OS and logs it). Immutable; <see cref="Validate"/> names every inconsistency.
/// </summary>
public sealed record KernelConfig(
    NodeProfile Self,
    ImmutableArray<NodeProfile> Cluster,
    MembershipConfig Membership,
    ulong Seed,
    int JobSlotsMax = Scheduling.Jobs.SchedulingConfig.JobsPerMessageMax,
    int HeldMessagesMax = 4096,
    int DriftBoundPpm = 500)
{
    /// <summary>
    /// Lease election. By default the voters are the cluster's voter hosts and every host that can
    /// be dialled and is not proxy-only may lead, all at the same priority (node id breaks ties).
    /// </summary>
    public ElectionConfig Election { get; init; } = DefaultElection(Cluster);

    /// <summary>How long to wait before re-issuing a persist that failed.</summary>
    public Duration PersistRetryDelay { get; init; } = Duration.FromSeconds(1);

    /// <summary>Which protocol decides liveness; heartbeat by default, as in the original.</summary>
    public MembershipMode MembershipMode { get; init; } = MembershipMode.Heartbeat;

    /// <summary>SWIM timing, used in <see cref="MembershipMode.Swim"/> and <see cref="MembershipMode.Hybrid"/> modes.</summary>
    public SwimConfig Swim { get; init; } = SwimConfig.Default;

    /// <summary>
    /// Dispatch (the job book on the leader, reports and orders on workers); null turns it off, and
    /// then no scheduling message is ever sent.
    /// </summary>
    public Scheduling.Jobs.SchedulingConfig? Scheduling { get; init; }

    /// <summary>Data sync (manifests, the leader's transfer plans, model distribution); null turns it off, and then no sync message is sent.</summary>
    public RingRift.Kernel.Sync.SyncConfig? Sync { get; init; }
    /// <summary>Predictive monitoring, alerts and self-healing; null turns them off (no sample, no alert message).</summary>
    public Monitoring.MonitoringConfig? Monitoring { get; init; }
    /// <summary>
    /// The leader's auto-scaler (needs <see cref="Scheduling"/>); null turns it off, and then no scaling
    /// effect is ever issued.
    /// </summary>
    public Scaling.ScalingConfig? Scaling { get; init; }

    /// <summary>
    /// How often each node offers its Elo table to its leader (the original's EloSyncLoop ran every 5 min);
    /// null turns Elo sync off, and then no Elo message is ever sent.
    /// </summary>
    public Duration? EloSyncInterval { get; init; }

    /// <summary>Gossip of versioned node state.</summary>
    public GossipConfig Gossip { get; init; } = GossipConfig.Default;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Membership.Validate());
        if (!System.Enum.IsDefined(MembershipMode)) errors.Add($"membership mode {(int)MembershipMode} is not heartbeat, swim or hybrid");
        else if (MembershipMode != MembershipMode.Heartbeat) errors.AddRange(Swim.Validate());
        errors.AddRange(Election.Validate(DriftBoundPpm));
        if (JobSlotsMax < 0) errors.Add($"job_slots_max must not be negative (got {JobSlotsMax})");
        if (HeldMessagesMax < 1) errors.Add($"held_messages_max must be positive (got {HeldMessagesMax})");
        if (DriftBoundPpm is < 0 or > 100_000) errors.Add($"drift_bound_ppm must be within 0..100000 (got {DriftBoundPpm})");
        if (PersistRetryDelay <= Duration.Zero) errors.Add($"persist_retry_delay must be positive (got {PersistRetryDelay})");
        if (Cluster.Length > Membership.PeerTableMax)
            errors.Add($"the cluster has {Cluster.Length} hosts but peer_table_max is {Membership.PeerTableMax}");
        if (Scheduling is not null)
        {
            errors.AddRange(Scheduling.Validate());
            errors.AddRange(Scheduling.ValidateFence(Election.ClockStepMax));
            var capacity = Scheduling.CapacityOf(Self);
            if (capacity.Slots > JobSlotsMax)
                errors.Add($"job_slots_max ({JobSlotsMax}) is below the {capacity.Slots} dispatch slots of {Self.Node} ({Self.Gpu.Count} × {Self.Gpu.Model}, {capacity.SlotsPerGpu} per GPU)");
        }
        if (Sync is not null) errors.AddRange(Sync.Validate());
        if (Monitoring is not null) errors.AddRange(Monitoring.Validate());
        AddGossipErrors(errors);
        AddHostErrors(errors);
        ScalingErrors.Add(this, errors);
        return errors;
    }

    public static ElectionConfig DefaultElection(ImmutableArray<NodeProfile> cluster)
    {
        var voters = ImmutableArray.CreateBuilder<NodeId>();
        var candidates = ImmutableArray.CreateBuilder<CandidateRank>();
        foreach (var host in cluster)
        {
            if (host.IsVoter) voters.Add(host.Node);
            if (!host.NatBlocked && !host.ProxyOnly) candidates.Add(new CandidateRank(host.Node, 0));
        }
        return ElectionConfig.WithDefaultTimings(voters.ToImmutable(), candidates.ToImmutable());
    }

    private void AddGossipErrors(List<string> errors)
    {
        errors.AddRange(Gossip.Validate());
        if (Gossip.PayloadBytesMax > MessageCodec.MaxMessageBytes)
            errors.Add($"gossip_payload_bytes_max ({Gossip.PayloadBytesMax}) must not exceed the codec's {MessageCodec.MaxMessageBytes}");
        if (Cluster.Length > Gossip.EntriesMax)
            errors.Add($"the cluster has {Cluster.Length} hosts but gossip_entries_max is {Gossip.EntriesMax}");
    }

    private void AddHostErrors(List<string> errors)
    {
        var seen = new HashSet<NodeId>();
        foreach (var host in Cluster)
        {
            if (!seen.Add(host.Node)) errors.Add($"host {host.Node} is listed twice");
            errors.AddRange(host.Validate());
        }
    }
}
