using System.IO;
using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Reporting;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.ScenarioParsing;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Reporting;

/// <summary>
/// The report's data, recorded from a shipped scenario: aws-cpu1 leads at epoch 1, crashes at 10m and
/// restarts at 15m; hetzner-cpu1 wins epoch 2. Figures are cross-checked against the summary and the trace.
/// </summary>
public sealed class TimelineRecorderTests
{
    private const long Minute = 60_000_000;
    private static readonly Scenario LeaderCrash = Load("scenarios/election/leader-crash.yaml");

    [Fact]
    public void Timeline_LeaderCrash_OneLaneOfEachKindPerNode()
    {
        var timeline = Record(LeaderCrash).Timeline!;

        Assert.Equal(7, timeline.Nodes.Length);
        foreach (var kind in new[] { LaneKinds.Role, LaneKinds.Run, LaneKinds.Membership, LaneKinds.Network, LaneKinds.Jobs })
            Assert.Equal(Enumerable.Range(0, 7), timeline.Lanes.Where(l => l.Kind == kind).Select(l => l.Node).Order());
        Assert.Single(timeline.Lanes, l => l.Node == -1);
    }

    [Fact]
    public void Timeline_LeaderCrash_RunLaneShowsTheCrashWindowExactly()
    {
        var timeline = Record(LeaderCrash).Timeline!;
        var aws = IndexOf(timeline, "aws-cpu1");

        var run = timeline.Lane(LaneKinds.Run, aws)!.Intervals.Select(i => (i.Start, i.End, i.State));

        Assert.Equal([(0L, 10 * Minute, "up"), (10 * Minute, 15 * Minute, "crashed"), (15 * Minute, 30 * Minute, "up")], run);
    }

    [Fact]
    public void Timeline_LeaderCrash_EpochMarkAtEachElection_AndOneLeaderGapEndingAtTheSecond()
    {
        var run = SimRun.Of(LeaderCrash, LeaderCrash.Seed);
        var timeline = Record(LeaderCrash).Timeline!;
        var elected = run.LinesWith(" leader_elected ");

        var epochs = timeline.Marks.Where(m => m.Kind == "epoch").ToList();

        Assert.Equal(["aws-cpu1 e1", "hetzner-cpu1 e2"], epochs.Select(m => timeline.Nodes[m.Node].Name + " " + m.Label));
        Assert.Equal(elected.Select(SimRun.TimeOf), epochs.Select(m => m.At));
        Assert.Equal([SimRun.TimeOf(elected[1]) - 10 * Minute], timeline.LeaderGapsMicros().ToArray());
    }

    [Fact]
    public void Timeline_Series_AddUpToTheSummaryFigures()
    {
        var report = Record(LeaderCrash);
        var timeline = report.Timeline!;

        Assert.Equal(2_000_000, timeline.BucketMicros);
        Assert.Equal(901, timeline.SeriesNamed(TimelineRecorder.MessagesSent)!.Values.Length);
        Assert.Equal(report.MessagesSent, timeline.SeriesNamed(TimelineRecorder.MessagesSent)!.Values.Sum());
        Assert.Equal(report.LeaderChanges, timeline.SeriesNamed(TimelineRecorder.LeaderChanges)!.Values.Sum());
        Assert.Equal(report.Elections, timeline.SeriesNamed(TimelineRecorder.Elections)!.Values.Sum());
        Assert.Equal(report.MemberStateChanges, timeline.SeriesNamed(TimelineRecorder.MemberStateChanges)!.Values.Sum());
    }

    [Fact]
    public void Timeline_EveryLane_IntervalsAreContiguousNonEmptyAndEndAtTheRunEnd()
    {
        var timeline = Record(LeaderCrash).Timeline!;

        Assert.Equal(30 * Minute, timeline.EndMicros);
        foreach (var lane in timeline.Lanes)
        {
            Assert.Equal(timeline.EndMicros, lane.Intervals[^1].End);
            for (var i = 0; i < lane.Intervals.Length; i++)
            {
                Assert.True(lane.Intervals[i].Length > 0, $"{lane.Kind} {lane.Node} interval {i} is empty");
                if (i > 0) Assert.Equal(lane.Intervals[i - 1].End, lane.Intervals[i].Start);
                if (i > 0) Assert.NotEqual(lane.Intervals[i - 1].State, lane.Intervals[i].State);
            }
        }
    }

    [Fact]
    public void Timeline_Recording_LeavesTheTraceHashAndSummaryAlone()
    {
        var plain = Simulation.Run(LeaderCrash, new RunOptions(LeaderCrash.Seed));
        var recorded = Record(LeaderCrash);

        Assert.Null(plain.Timeline);
        Assert.Equal(plain.TraceHash, recorded.TraceHash);
        // Immutable arrays compare by reference, so they are compared element by element apart from the rest.
        Assert.Equal(plain with { Violations = default, ExpectationFailures = default, DeathDetections = default, Failovers = default },
            recorded with { Timeline = null, Violations = default, ExpectationFailures = default, DeathDetections = default, Failovers = default });
        Assert.Equal(plain.Failovers.ToArray(), recorded.Failovers.ToArray());
        Assert.Equal(plain.DeathDetections.ToArray(), recorded.DeathDetections.ToArray());
    }

    [Fact]
    public void Timeline_SameScenarioAndSeed_SameTimeline()
    {
        var first = Record(LeaderCrash).Timeline!;
        var second = Record(LeaderCrash).Timeline!;

        Assert.Equal(first.Lanes.SelectMany(l => l.Intervals), second.Lanes.SelectMany(l => l.Intervals));
        Assert.Equal(first.Marks.ToArray(), second.Marks.ToArray());
        Assert.Equal(first.Series.SelectMany(s => s.Values), second.Series.SelectMany(s => s.Values));
    }

    [Fact]
    public void Timeline_ScenarioMadeToFail_OneViolationMarkPerViolation()
    {
        var scenario = Load("scenarios/checks/drift-beyond-bound-fails.yaml");
        var report = Record(scenario);

        var marks = report.Timeline!.Marks.Where(m => m.Kind == "violation").ToList();

        Assert.Equal(report.Violations.Length, marks.Count);
        Assert.Equal(report.Violations.Select(v => (v.At.Micros, v.Checker, v.Message)), marks.Select(m => (m.At, m.Label, m.Detail)));
        Assert.Equal(report.SimulatedTime.Micros, report.Timeline.EndMicros);
    }

    [Fact]
    public void Timeline_MinorityPartition_CutOffUntilTheHeal_AndAFaultWindowOverTheMinority()
    {
        var scenario = Load("scenarios/membership/minority-partition.yaml");
        var timeline = Record(scenario).Timeline!;
        var gh200 = IndexOf(timeline, "lambda-gh200-1");

        var network = timeline.Lane(LaneKinds.Network, gh200)!.Intervals.Select(i => (i.Start, i.End, i.State));
        var window = Assert.Single(timeline.Windows);

        Assert.Equal([(0L, 10 * Minute, "connected"), (10 * Minute, 20 * Minute, "cut off"), (20 * Minute, 40 * Minute, "connected")], network);
        Assert.Equal((10 * Minute, 20 * Minute, "partition"), (window.Start, window.End, window.Kind));
        Assert.Equal(new[] { "lambda-gh200-1", "lambda-gh200-2", "vast-rtx4090-1" }, window.Nodes.Select(n => timeline.Nodes[n].Name));
        Assert.Contains(timeline.Lane(LaneKinds.Membership, gh200)!.Intervals, i => i.State == "dead" && i.Start > 10 * Minute && i.End <= 21 * Minute);
    }

    private static RunReport Record(Scenario scenario) =>
        Simulation.Run(scenario, new RunOptions(scenario.Seed) { RecordTimeline = true });

    private static int IndexOf(RunTimeline timeline, string name) => timeline.Nodes.Select(n => n.Name).ToList().IndexOf(name);

    private static Scenario Load(string relative) =>
        ScenarioParser.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, relative)), relative);
}
