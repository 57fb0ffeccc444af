using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

/// <summary>
/// The dispatch figures count executions, and each once: <c>jobs_lost</c> the executions lost (a node
/// died, went silent, was fenced), <c>jobs_retried</c> those whose job went back to pending. Seven nodes:
/// three CPU voters, two one-GPU RTX 3090 boxes holding hour-long selfplay (nothing completes in the
/// 40 minutes), and spare ones whose misdetected GPU recovers when the scenario needs somewhere to retry.
/// An RTX 3090 runs two selfplay processes (<c>GpuPowerRanking.SelfplayJobsPerGpu</c>), so each box holds
/// exactly two jobs; none of them may train (below an A100), so selfplay is all they run.
/// </summary>
public sealed class WorldJobAccountingTests
{
    private const string Head = """
        name: job-accounting
        description: lost executions counted once each
        seed: 3
        duration: 40m
        workload: { selfplay_runtime: 1h, warm_up: 1m }
        cluster:
          p2p_voters: [hetzner-cpu1, hetzner-cpu2, hetzner-cpu3]
          hosts:
            hetzner-cpu1: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            hetzner-cpu2: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            hetzner-cpu3: { memory_gb: 64, cpus: 16, disk_gb: 1000 }
            lambda-a:     { gpu: RTX 3090, gpu_vram_gb: 24, memory_gb: 64, cpus: 16, disk_gb: 1000 }
            lambda-b:     { gpu: RTX 3090, gpu_vram_gb: 24, memory_gb: 64, cpus: 16, disk_gb: 1000 }
            spare-c:      { gpu: RTX 3090, gpu_vram_gb: 24, memory_gb: 64, cpus: 16, disk_gb: 1000 }
            spare-d:      { gpu: RTX 3090, gpu_vram_gb: 24, memory_gb: 64, cpus: 16, disk_gb: 1000 }
        timeline:
          - { at: 0s, gpu: spare-c, fault: misdetected }
          - { at: 0s, gpu: spare-d, fault: misdetected }

        """;

    [Fact]
    public void NodeDiesWithTwoRunningJobs_TwoLostTwoRetried()
    {
        var jobs = Run("""
              - { at: 5m, crash: lambda-a }
              - { at: 10m, gpu: spare-c, fault: recover }
            """);

        Assert.Equal((2L, 2L, 0L), (jobs.JobsLost, jobs.JobsRetried, jobs.JobsDuplicated));
    }

    [Fact]
    public void TwoJobsEachLostTwice_FourLostExecutionsFourRetries()
    {
        var jobs = Run("""
              - { at: 5m, crash: lambda-a }
              - { at: 10m, gpu: spare-c, fault: recover }
              - { at: 15m, crash: spare-c }
              - { at: 20m, gpu: spare-d, fault: recover }
            """);

        Assert.Equal((4L, 4L, 0L), (jobs.JobsLost, jobs.JobsRetried, jobs.JobsDuplicated));
    }

    [Fact]
    public void JobsFencedOnAPausedWorkerRetriedElsewhere_TwoLostTwoRetried()
    {
        var jobs = Run("""
              - { at: 5m, pause: lambda-a, for: 10m }
              - { at: 8m, gpu: spare-c, fault: recover }
            """);

        Assert.Equal((2L, 2L, 0L), (jobs.JobsLost, jobs.JobsRetried, jobs.JobsDuplicated));
    }

    [Fact]
    public void RetriesFencedAgainOnTheNodeTheyWentTo_FourLostFourRetried()
    {
        var jobs = Run("""
              - { at: 5m, pause: lambda-a, for: 10m }
              - { at: 8m, gpu: spare-c, fault: recover }
              - { at: 12m, pause: spare-c, for: 10m }
            """);

        Assert.Equal((4L, 4L, 0L), (jobs.JobsLost, jobs.JobsRetried, jobs.JobsDuplicated));
    }

    [Fact]
    public void PausedWorkerWithNoSpareGpu_ItsExecutionsLostOnceAndRetriedThere()
    {
        var jobs = Run("""
              - { at: 5m, pause: lambda-a, for: 10m }
            """);

        Assert.Equal((2L, 2L, 0L), (jobs.JobsLost, jobs.JobsRetried, jobs.JobsDuplicated));
    }

    private static JobFigures Run(string timeline)
    {
        var run = SimRun.Of(ScenarioParser.Parse(Head + timeline, "job-accounting.yaml"));
        run.AssertPassed();
        return run.Report.Jobs!;
    }
}
