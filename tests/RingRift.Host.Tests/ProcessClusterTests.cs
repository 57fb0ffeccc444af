using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using RingRift.Host.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RingRift.Host.Tests;

/// <summary>
/// Five <c>ringrift-node</c> processes on loopback, each with one (static) GPU and dispatch on, running
/// selfplay whose command is a small shell script that leaves marker files. One leader appears and work
/// runs; the leader is killed with SIGKILL; another leads within the bound; every execution that was
/// running on a surviving node ends exactly once and work continues under the new leader; the killed
/// node restarts with a new incarnation, rejoins as a follower and its orphaned jobs are gone; no job id
/// ever runs twice. Everything is read from the jobs' own marker files and /status.
/// </summary>
public sealed class ProcessClusterTests(ITestOutputHelper output)
{
    private const int Nodes = 5;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WorkBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan WorkTime = TimeSpan.FromSeconds(8);

    private const string Scheduling = """
        scheduling: { report_interval: 1s, plan_interval: 500ms, rebuild_window: 3s, assign_timeout: 20s, failure_cooldown: 2s, stall_alarm_after: 30s, work_lease: 30s, work_lease_margin: 10s }

        """;

    [Fact]
    public async Task LeaderKilledNine_WorkSurvivesOnceAndTheRestartedNodeRejoinsAsFollower()
    {
        using var markers = new JobMarkers(WorkTime);
        await using var cluster = new TestCluster(Nodes, markers.SelfplayTemplate + Scheduling, hostFields: "gpu: H100, gpu_vram_gb: 80");
        // Disposed in reverse: the nodes are killed first, then the job processes they left behind.
        using var nodes = new NodeProcesses(cluster);
        await Run(cluster, markers, nodes);
    }

    private async Task Run(TestCluster cluster, JobMarkers markers, NodeProcesses nodes)
    {
        var all = Enumerable.Range(0, Nodes).ToArray();
        foreach (var i in all) nodes.Start(i);
        var first = await cluster.AgreedLeaderAsync(all, StartBound);
        Assert.NotNull(first);
        var killed = first![^1] - 'a';
        var survivors = all.Where(i => i != killed).Select(TestCluster.Name).ToHashSet();
        Assert.True(await Poll.Until(() => markers.Runs().Where(r => !r.Done).Select(r => r.Node).Intersect(survivors).Count() == survivors.Count, WorkBound),
            "the followers were never all running a job at once");

        var runningAtKill = markers.Runs().Where(r => survivors.Contains(r.Node) && !r.Done).ToArray();
        var killedRuns = markers.Runs().Where(r => r.Node == first).ToArray();
        var failover = Stopwatch.StartNew();
        nodes.KillNine(killed);
        var second = await cluster.AgreedLeaderAsync(all.Where(i => i != killed).ToArray(), FailoverBound);
        failover.Stop();
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        output.WriteLine($"failover: {first} killed, {second} leads after {failover.Elapsed.TotalSeconds:F1} s; {runningAtKill.Length} jobs were running on followers, {killedRuns.Count(r => !r.Done)} on the leader");

        var newEpoch = (await cluster.StatusAsync(second![^1] - 'a'))!.Value.GetProperty("epoch").GetInt64();
        var survived = await Poll.Until(() => runningAtKill.All(r => markers.Runs().Single(x => x.Pid == r.Pid && x.Node == r.Node).Done), WorkBound);
        Assert.True(survived, "a job running on a follower when the leader died did not finish");
        var continued = await Poll.Until(() => markers.Runs().Any(r => r.Done && EpochOf(r.Job) >= newEpoch), WorkBound);
        Assert.True(continued, $"no job placed at epoch {newEpoch} or later finished");

        nodes.Start(killed);
        var rejoined = await Poll.Until(async () =>
            await cluster.StatusAsync(killed) is { } s
            && s.GetProperty("role").GetString() == "FOLLOWER"
            && s.GetProperty("leader_id").GetString() == second
            && s.GetProperty("incarnation").GetInt64() == 2, StartBound);
        Assert.True(rejoined, "the restarted node did not rejoin as a follower with incarnation 2");
        Assert.All(markers.Runs().Where(r => r.Node == first && killedRuns.Any(k => k.Pid == r.Pid)), r => Assert.False(JobMarkers.IsAlive(r)));

        var runs = markers.Runs();
        output.WriteLine($"{runs.Count} executions of {runs.Select(r => r.Job).Distinct().Count()} jobs, {runs.Count(r => r.Done)} finished");
        var twice = runs.GroupBy(r => r.Job).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(twice.Length == 0, "jobs run more than once: " + string.Join(", ", twice));
    }

    /// <summary>The epoch in a dispatched selfplay id ("sp-3-17" → 3).</summary>
    private static long EpochOf(string job) => long.Parse(job.Split('-')[1], CultureInfo.InvariantCulture);
}
