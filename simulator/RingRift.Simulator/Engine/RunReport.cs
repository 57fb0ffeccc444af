using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Checking;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The outcome of one simulated run. Everything here is a pure function of (scenario, seed):
/// wall-clock figures are the caller's to measure. <see cref="TraceHash"/> is XxHash64 over the
/// canonical event trace.
/// </summary>
public sealed record RunReport(
    string Scenario,
    ulong Seed,
    Duration SimulatedTime,
    long Events,
    long MessagesSent,
    long MessagesDelivered,
    long MessagesDropped,
    long MemberStateChanges,
    long Crashes,
    long Restarts,
    long JobsLaunched,
    long JobsExited,
    long Elections,
    long LeaderChanges,
    long Epoch,
    int MaxValidLeasesAtOnce,
    ImmutableArray<Violation> Violations,
    ImmutableArray<string> ExpectationFailures,
    ulong TraceHash)
{
    /// <summary>
    /// For each crash, how long until every node that was running and could hear the crashed node saw it
    /// Dead; crashes that ended otherwise (restart first, an observer crashed, the run ended) are only counted
    /// in <see cref="DeathDetectionsIncomplete"/>.
    /// </summary>
    public ImmutableArray<Duration> DeathDetections { get; init; } = ImmutableArray<Duration>.Empty;

    public int DeathDetectionsIncomplete { get; init; }

    /// <summary>How many times a node declared a peer Dead while that peer was running (not crashed, not paused).</summary>
    public long FalseDeadDeclarations { get; init; }

    /// <summary>Nodes stopped by a scale-down: they left on purpose, so they are not among <see cref="Crashes"/>.</summary>
    public long Decommissions { get; init; }

    /// <summary>Of <see cref="MessagesSent"/>, those of the membership protocols (heartbeats, SWIM probes and their answers).</summary>
    public long MembershipMessagesSent { get; init; }

    /// <summary>Node time spent running, summed over nodes: the denominator of per-member rates.</summary>
    public Duration NodeRunningTime { get; init; }

    /// <summary>
    /// The run's timeline for the HTML report, recorded only when <see cref="RunOptions.RecordTimeline"/> asked
    /// for it (null otherwise); recording it changes nothing else in the run, the trace hash included.
    /// </summary>
    public Reporting.RunTimeline? Timeline { get; init; }

    /// <summary>Alerts, healing and events; null when the scenario leaves monitoring off.</summary>
    public Operations.OpsFigures? Ops { get; init; }
    /// <summary>Auto-scaling figures; null when the scenario has no scaling block.</summary>
    public Workload.ScalingFigures? Scaling { get; init; }

    /// <summary>Dispatch figures; null when the scenario has no workload.</summary>
    public Workload.JobFigures? Jobs { get; init; }

    /// <summary>
    /// For each crash of the node holding a valid leadership lease, the time until a node (any) was next
    /// elected; a crash with no election after it before the run ended is not counted.
    /// </summary>
    public ImmutableArray<Duration> Failovers { get; init; } = ImmutableArray<Duration>.Empty;

    /// <summary>Data-sync figures; null when the scenario has no sync block.</summary>
    public Sync.SyncFigures? Sync { get; init; }

    /// <summary>True when the run shows exactly what the scenario expects.</summary>
    public bool Passed => ExpectationFailures.IsEmpty;

    public string TraceHashHex => TraceHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
