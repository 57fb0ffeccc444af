using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using RingRift.Testing;
using Xunit;

namespace RingRift.Simulator.Tests.Reporting;

/// <summary>The jobs and GPU lanes, from job notices (through the job metrics) and GPU faults.</summary>
public sealed class TimelineGpuTests
{
    private const long Second = 1_000_000;
    private static readonly NodeId N1 = Nodes.Gpu(1);

    [Fact]
    public void GpuLane_JobThenFailStopThenRecover_BusyFailedIdle()
    {
        var scenario = new ScenarioBuilder().WithHosts(3).For(Duration.FromMinutes(10))
            .At(new LaunchCommand(Duration.FromSeconds(10), 1, N1, new JobSpec(new JobId("j1"), JobKind.Selfplay, "square8_2p", 1), Duration.FromMinutes(5)))
            .At(new GpuFault(Duration.FromMinutes(2), 2, N1, GpuFaultKind.FailStop, 100))
            .At(new GpuFault(Duration.FromMinutes(4), 3, N1, GpuFaultKind.Recover, 100))
            .Build();

        var report = Simulation.Run(scenario, new RunOptions(1) { RecordTimeline = true });
        var timeline = report.Timeline!;

        Assert.Equal(
            [(0L, 10 * Second, "idle"), (10 * Second, 120 * Second, "busy"), (120 * Second, 240 * Second, "failed"), (240 * Second, 600 * Second, "idle")],
            timeline.Lane(LaneKinds.Gpu, 0)!.Intervals.Select(i => (i.Start, i.End, i.State)));
        Assert.Equal([(0L, 10 * Second, "0"), (10 * Second, 120 * Second, "1"), (120 * Second, 600 * Second, "0")],
            timeline.Lane(LaneKinds.Jobs, 0)!.Intervals.Select(i => (i.Start, i.End, i.State)));
        // One selfplay of the four an H100 runs: a quarter of a GPU, in GPU shares.
        Assert.Equal(JobMetrics.GpuShares / 4, timeline.SeriesNamed(TimelineRecorder.GpusBusy)!.Values.Max());
        Assert.Equal(0, timeline.SeriesNamed(TimelineRecorder.GpusBusy)!.Values[^1]);
        var window = Assert.Single(timeline.Windows);
        Assert.Equal((120 * Second, 240 * Second, "gpu", 0), (window.Start, window.End, window.Kind, Assert.Single(window.Nodes)));
    }
}
