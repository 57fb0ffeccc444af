using System.Collections.Immutable;
using RingRift.Kernel.Election;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Kernel.Node;

/// <summary>
/// The one table from kernel notices to the seed's event types (its <c>DataEventType</c> names, kept
/// for dashboards and webhooks that know them) and the new operations events. A notice maps to at
/// most one event; most notices map to none.
/// </summary>
public static class ClusterEvents
{
    public const string HostOffline = "HOST_OFFLINE";
    public const string HostOnline = "HOST_ONLINE";
    public const string LeaderElected = "LEADER_ELECTED";
    public const string DataSyncStarted = "DATA_SYNC_STARTED";
    public const string DataSyncCompleted = "DATA_SYNC_COMPLETED";
    public const string TrainingStarted = "TRAINING_STARTED";
    public const string TrainingCompleted = "TRAINING_COMPLETED";
    public const string SelfplayComplete = "SELFPLAY_COMPLETE";
    public const string AlertRaised = "ALERT_RAISED";
    public const string AlertCleared = "ALERT_CLEARED";
    public const string HealingAction = "HEALING_ACTION";
    public const string ScaleUp = "SCALE_UP";
    public const string ScaleDown = "SCALE_DOWN";

    /// <summary>Every event name, in a fixed order (the order the simulator prints its counts in).</summary>
    public static readonly ImmutableArray<string> All =
    [
        HostOffline, HostOnline, LeaderElected, DataSyncStarted, DataSyncCompleted, TrainingStarted,
        TrainingCompleted, SelfplayComplete, AlertRaised, AlertCleared, HealingAction, ScaleUp, ScaleDown,
    ];

    /// <summary>
    /// The event a notice stands for, or null. Membership changes are each observer's view (a peer seen
    /// Dead goes offline for that observer; seen Alive again, or for the first time, online); training
    /// starts when the leader assigns it and completes when the leader records its success; a data sync
    /// starts with a leader's plan that moves something and completes with each verified whole file.
    /// </summary>
    public static string? Of(Notice notice) => notice switch
    {
        MemberStateChanged { To: MemberState.Dead } => HostOffline,
        MemberStateChanged { To: MemberState.Alive, From: not MemberState.Suspect } => HostOnline,
        Election.LeaderElected => LeaderElected,
        JobAssigned { Kind: JobKind.Training } => TrainingStarted,
        JobEnded { Kind: JobKind.Training, Succeeded: true } => TrainingCompleted,
        JobEnded { Kind: JobKind.Selfplay, Succeeded: true } => SelfplayComplete,
        Monitoring.AlertRaised => AlertRaised,
        Monitoring.AlertCleared => AlertCleared,
        Monitoring.HealingAction => HealingAction,
        Sync.SyncPlanned { Transfers: > 0 } => DataSyncStarted,
        Sync.TransferEnded { Failure: null, FileComplete: true } => DataSyncCompleted,
        Scaling.ScaleUpRequested => ScaleUp,
        Scaling.ScaleDownRequested => ScaleDown,
        _ => null,
    };

    /// <summary>The index of <paramref name="name"/> in <see cref="All"/>.</summary>
    public static int IndexOf(string name) => All.IndexOf(name);
}
