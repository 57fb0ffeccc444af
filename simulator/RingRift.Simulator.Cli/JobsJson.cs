using System.Collections.Generic;
using RingRift.Simulator.Engine.Workload;

namespace RingRift.Simulator.Cli;

/// <summary>The dispatch figures in <c>--json</c>; absent when the scenario has no workload.</summary>
internal sealed record JobsJson(
    double GpuBusyFraction,
    long IdleGpuSecondsWhilePending,
    double IdleToWorkP50Seconds,
    double IdleToWorkP99Seconds,
    int IdleToWorkSamples,
    long JobsCompleted,
    long JobsLost,
    long JobsDuplicated,
    long JobsRetried,
    int MaxJobsOverSlots,
    double ConfigShareMinOverMax,
    IReadOnlyList<long> GamesPerHourByConfig,
    IReadOnlyList<string> Configs,
    long TrainingCycles,
    long Promotions,
    IReadOnlyList<double> PromotionToDistributedSeconds,
    long DispatchStallAlarms)
{
    public double SelfplayShare { get; init; }

    public long SelfplayPreempted { get; init; }

    private static List<string> Keys()
    {
        var keys = new List<string>();
        foreach (var config in Kernel.Scheduling.SelfplayConfig.All) keys.Add(config.Key);
        return keys;
    }

    public static JobsJson? From(JobFigures? jobs)
    {
        if (jobs is null) return null;
        var latencies = new List<double>();
        foreach (var d in jobs.PromotionToDistributed) latencies.Add(d.Micros / 1e6);
        return new JobsJson(
            jobs.GpuBusyBasisPoints / 10_000.0, jobs.IdleGpuSecondsWhilePending,
            jobs.IdleToWorkP50.Micros / 1e6, jobs.IdleToWorkP99.Micros / 1e6, jobs.IdleToWorkSamples,
            jobs.JobsCompleted, jobs.JobsLost, jobs.JobsDuplicated, jobs.JobsRetried, jobs.MaxJobsOverSlots,
            jobs.ConfigShareMinOverMaxBasisPoints / 10_000.0, jobs.GamesPerHourByConfig,
            Keys(), jobs.TrainingCycles, jobs.Promotions, latencies, jobs.DispatchStallAlarms)
        {
            SelfplayShare = jobs.SelfplayShareBasisPoints / 10_000.0,
            SelfplayPreempted = jobs.SelfplayPreempted,
        };
    }
}
