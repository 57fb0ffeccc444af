using System.IO;
using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Engine.Workload;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.ScenarioParsing;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Reporting;

/// <summary>
/// The GPU lanes, alert marks and work series of a scheduling scenario (dispatch halts at 20m, the kernel's
/// stall alarm fires, the run stops at 22m49s). The series are the job metrics over time, so they sum to the
/// summary's figures exactly. The pinned figures are measured (dispatch slots per GPU class, issue #4); the
/// metrics count dispatch slots, 45 in this cluster: H100 4 + H100 4 + A100 3 + 8 × RTX 4090 3 + 4 × RTX 3090 2
/// + RTX 4060 Ti 2.
/// </summary>
public sealed class TimelineWorkTests
{
    private const string Path = "scenarios/scheduling/dispatch-broken-alarm.yaml";
    private static readonly RunReport Report = Record();

    [Fact]
    public void GpuSeries_DispatchBroken_SumToTheSummaryBusyFractionAndIdleWhilePending()
    {
        var timeline = Report.Timeline!;
        var jobs = Report.Jobs!;
        var busy = timeline.SeriesNamed(TimelineRecorder.GpuBusyMicros)!.Values.Sum();
        var capacity = timeline.SeriesNamed(TimelineRecorder.GpuCapacityMicros)!.Values.Sum();
        var idlePending = timeline.SeriesNamed(TimelineRecorder.GpuIdlePendingMicros)!.Values.Sum();

        Assert.Equal(8751, jobs.GpuBusyBasisPoints);
        Assert.Equal(jobs.GpuBusyBasisPoints, (int)(busy * 10_000 / capacity));
        // GPU-seconds: an idle slot counts as its share of a GPU (2157 when a slot was a whole GPU).
        Assert.Equal(2138, jobs.IdleGpuSecondsWhilePending);
        Assert.Equal(jobs.IdleGpuSecondsWhilePending, idlePending / JobMetrics.GpuShares / 1_000_000);
    }

    [Fact]
    public void GamesSeries_RunShorterThanAnHour_SumToGamesPerHourOfEachConfig()
    {
        var timeline = Report.Timeline!;
        var perHour = Report.Jobs!.GamesPerHourByConfig;

        // A selfplay process plays at its GPU's rate over the class's processes per GPU; all configs together
        // still play about what one process per GPU did (560 games against 568), spread differently.
        Assert.Equal(76, perHour[0]);
        for (var c = 0; c < ConfigKeys.Count; c++)
            Assert.Equal(perHour[c], timeline.SeriesNamed(TimelineRecorder.GamesPrefix + ConfigKeys.Key(c))!.Values.Sum());
    }

    [Fact]
    public void AlertMarks_DispatchBroken_OneDispatchStalledMarkPerAlarm()
    {
        var timeline = Report.Timeline!;
        var stalls = timeline.Marks.Where(m => m.Kind == "alert" && m.Label == "dispatch_stalled").ToList();

        Assert.Equal(Report.Jobs!.DispatchStallAlarms, stalls.Count);
        var stall = Assert.Single(stalls);
        Assert.Equal(1_339_062_689L, stall.At);
        Assert.StartsWith(timeline.Nodes[stall.Node].Name + " dispatch_stalled", stall.Detail);
    }

    [Fact]
    public void GpuLanes_DispatchBroken_OnePerGpuNode_IdleWithWorkPendingFromEachNodesLastJobExit()
    {
        var timeline = Report.Timeline!;
        var gpuNodes = Enumerable.Range(0, timeline.Nodes.Length).Where(i => timeline.Nodes[i].Gpus > 0).ToList();
        var run = SimRun.Of(Load(), 13);

        Assert.Equal(gpuNodes, timeline.Lanes.Where(l => l.Kind == LaneKinds.Gpu).Select(l => l.Node));
        foreach (var node in gpuNodes)
        {
            var last = timeline.Lane(LaneKinds.Gpu, node)!.Intervals[^1];
            Assert.Equal((TimelineRecorder.GpuIdlePending, timeline.EndMicros), (last.State, last.End));
            Assert.Equal(SimRun.TimeOf(run.LinesWith(" " + timeline.Nodes[node].Name + " job_exited ")[^1]), last.Start);
            Assert.True(last.Start >= 20 * 60_000_000L, $"{timeline.Nodes[node].Name} idle with work pending from {last.Start}");
        }
        // The leader keeps as much selfplay queued as the cluster has dispatch slots.
        Assert.Equal(45, timeline.SeriesNamed(TimelineRecorder.JobsPending)!.Values[^1]);
        Assert.Equal(0, timeline.SeriesNamed(TimelineRecorder.GpusBusy)!.Values[^1]);
    }

    [Fact]
    public void Recording_Workload_LeavesTheTraceHashAndFiguresAlone()
    {
        var scenario = Load();
        var plain = Simulation.Run(scenario, new RunOptions(scenario.Seed));

        Assert.Equal(plain.TraceHash, Report.TraceHash);
        Assert.Equal(plain.Jobs, Report.Jobs);
    }

    private static RunReport Record()
    {
        var scenario = Load();
        return Simulation.Run(scenario, new RunOptions(scenario.Seed) { RecordTimeline = true });
    }

    private static Scenario Load() =>
        ScenarioParser.Parse(File.ReadAllText(System.IO.Path.Combine(RepositoryFiles.Root, Path)), Path);
}
