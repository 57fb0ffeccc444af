using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// Timing and bounds of dispatch. Workers report every <see cref="ReportInterval"/> and at once when a
/// job ends; the leader plans every <see cref="PlanInterval"/>; a new leader collects reports for
/// <see cref="RebuildWindow"/> before placing anything (so it adopts, never duplicates, what runs).
/// An assignment not seen running within <see cref="AssignTimeout"/> goes back to pending; a node that
/// refused or failed to start one cools down for <see cref="FailureCooldown"/>. Training and gauntlets
/// together take at most <see cref="TrainingShareMax"/> of the GPUs so selfplay never starves.
/// A node's slots are the policy's per-GPU-class selfplay target (<see cref="CapacityOf"/>).
/// </summary>
public sealed record SchedulingConfig(
    Duration ReportInterval,
    Duration PlanInterval,
    Duration RebuildWindow,
    Duration AssignTimeout,
    Duration FailureCooldown,
    Duration StallAlarmAfter,
    Ratio TrainingShareMax)
{
    /// <summary>
    /// The placement, priority, readiness, runtime-cap and promotion rules (the pure policy). The
    /// training thresholds, cooldown and promotion threshold come from here.
    /// </summary>
    public SchedulingPolicy Policy { get; init; } = SchedulingPolicy.Default;

    /// <summary>
    /// The work lease W: a worker holds its assignments only while it has heard, within W on its own
    /// monotonic clock, an answer from a leader of the current epoch to one of its reports; when W passes
    /// it terminates them itself. See <see cref="WorkLeaseMath"/> for why the leader's retry comes after.
    /// </summary>
    public Duration WorkLease { get; init; } = Duration.FromSeconds(90);

    /// <summary>
    /// The margin M the leader adds to the drift-stretched work lease before retrying a silent node's
    /// jobs; it covers a forward clock step, the kill latency and a short stop-the-world pause of the worker.
    /// </summary>
    public Duration WorkLeaseMargin { get; init; } = Duration.FromSeconds(30);

    /// <summary>R: the leader's silence before it declares a node's jobs lost (<see cref="WorkLeaseMath.RetryAfterSilence"/>).</summary>
    public Duration RetryAfterSilence(int driftBoundPpm) => WorkLeaseMath.RetryAfterSilence(WorkLease, WorkLeaseMargin, driftBoundPpm);

    /// <summary>At most this many jobs travel in one order or report.</summary>
    public const int JobsPerMessageMax = 64;

    public static readonly SchedulingConfig Default = new(
        ReportInterval: Duration.FromSeconds(10),
        PlanInterval: Duration.FromSeconds(5),
        RebuildWindow: Duration.FromSeconds(25),
        AssignTimeout: Duration.FromSeconds(60),
        FailureCooldown: Duration.FromSeconds(30),
        StallAlarmAfter: Duration.FromSeconds(90),
        TrainingShareMax: Ratio.FromPercent(25));

    /// <summary>
    /// How many jobs a node may hold: the policy's selfplay target for its GPU class and count (a training
    /// takes one GPU's share of them); none without a GPU or as a proxy.
    /// </summary>
    public NodeCapacity CapacityOf(NodeProfile node) =>
        node.HasGpu && !node.ProxyOnly ? NodeCapacity.Of(GpuPowerRanking.FromProfile(node.Gpu), node.Gpu.Count, Policy) : NodeCapacity.None;

    /// <summary>The job slots of <see cref="CapacityOf"/>.</summary>
    public int SlotsFor(NodeProfile node) => CapacityOf(node).Slots;

    /// <summary>The runtime cap of a job, from the policy (the original's: selfplay 45 min, training 2 h small boards / 4 h large).</summary>
    public Duration CapOf(JobSpec job) =>
        SelfplayConfig.TryParse(job.Config, out var config) ? Policy.RuntimeCaps.For(job.Kind, config) : Policy.RuntimeCaps.Selfplay;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ReportInterval <= Duration.Zero || PlanInterval <= Duration.Zero) errors.Add("scheduling intervals must be positive");
        if (RebuildWindow < ReportInterval * 2) errors.Add($"rebuild_window ({RebuildWindow}) must cover two report intervals ({ReportInterval})");
        if (AssignTimeout < ReportInterval * 2) errors.Add($"assign_timeout ({AssignTimeout}) must cover two report intervals ({ReportInterval})");
        if (StallAlarmAfter <= PlanInterval) errors.Add("stall_alarm_after must exceed plan_interval");
        errors.AddRange(Policy.Validate());
        return errors;
    }

    /// <summary>
    /// The fence's relationships (<see cref="WorkLeaseMath"/>): the lease survives a few lost reports, and
    /// the margin covers a forward clock step and the kill latency, so the worker's kill comes first.
    /// </summary>
    public IReadOnlyList<string> ValidateFence(Duration clockStepMax)
    {
        var errors = new List<string>();
        if (WorkLease < ReportInterval * 3)
            errors.Add($"work_lease ({WorkLease}) must cover three report intervals ({ReportInterval}) so a lost report does not fence a healthy worker");
        var floor = clockStepMax + WorkLeaseMath.KillLatencyMax;
        if (WorkLeaseMargin < floor)
            errors.Add($"work_lease_margin ({WorkLeaseMargin}) must cover the clock step bound ({clockStepMax}) plus the kill latency ({WorkLeaseMath.KillLatencyMax})");
        return errors;
    }
}
