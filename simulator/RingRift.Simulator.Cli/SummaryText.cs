using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace RingRift.Simulator.Cli;

/// <summary>
/// The readable summary of a run. The seed comes first (so a crash still tells how to replay) and
/// the trace hash last, as `trace-hash=&lt;16 hex digits&gt;`, which scripts and CI rely on.
/// </summary>
internal static class SummaryText
{
    public static void WriteSeed(TextWriter output, ulong seed) => output.WriteLine($"seed={seed}");

    public static void WriteBody(TextWriter output, RunResult result)
    {
        var r = result.Report;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"scenario={r.Scenario} ({result.ScenarioPath}){(result.Swarm ? " swarm-faults=" + string.Join(",", result.FaultKinds) : "")}");
        output.WriteLine($"simulated={r.SimulatedTime} events={r.Events} wall_seconds={result.Wall.TotalSeconds.ToString("F2", inv)} " +
                         $"events_per_wall_second={result.EventsPerWallSecond.ToString("F0", inv)}");
        output.WriteLine($"messages sent={r.MessagesSent} delivered={r.MessagesDelivered} dropped={r.MessagesDropped}");
        output.WriteLine($"membership state_changes={r.MemberStateChanges} crashes={r.Crashes} decommissions={r.Decommissions} restarts={r.Restarts} " +
                         $"dead_detection_seconds=[{DetectionSeconds(r)}] false_dead={r.FalseDeadDeclarations}");
        output.WriteLine($"leadership elections={r.Elections} leader_changes={r.LeaderChanges} epoch={r.Epoch} " +
                         $"max_valid_leases_at_once={r.MaxValidLeasesAtOnce}");
        output.WriteLine($"jobs launched={r.JobsLaunched} exited={r.JobsExited}");
        if (r.Jobs is { } j) WriteDispatch(output, j);
        if (r.Ops is { } ops) output.WriteLine(OpsJson.Line(ops));
        if (r.Scaling is { } s) output.WriteLine(ScalingLine(s));
        if (r.Sync is { } sync) output.WriteLine(SyncJson.Line(sync));
        foreach (var violation in r.Violations)
            output.WriteLine($"VIOLATION {violation.Checker} at {violation.At} ({Engine.TimeText.Of(violation.At.Micros)}): {violation.Message}");
        foreach (var failure in r.ExpectationFailures) output.WriteLine("EXPECTATION FAILED " + failure);
        output.WriteLine(result.Failed ? "result=FAIL" : "result=PASS");
        if (result.Failed) output.WriteLine("replay: " + result.Replay);
    }

    private static void WriteDispatch(TextWriter output, Engine.Workload.JobFigures j)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"dispatch gpu_busy_fraction={(j.GpuBusyBasisPoints / 10_000.0).ToString("F4", inv)} " +
                         $"idle_gpu_seconds_while_pending={j.IdleGpuSecondsWhilePending} " +
                         $"idle_to_work_seconds p50={(j.IdleToWorkP50.Micros / 1e6).ToString("F3", inv)} " +
                         $"p99={(j.IdleToWorkP99.Micros / 1e6).ToString("F3", inv)} samples={j.IdleToWorkSamples} " +
                         $"stall_alarms={j.DispatchStallAlarms} selfplay_share={(j.SelfplayShareBasisPoints / 10_000.0).ToString("F4", inv)}");
        output.WriteLine($"dispatch jobs_completed={j.JobsCompleted} lost={j.JobsLost} retried={j.JobsRetried} " +
                         $"duplicated={j.JobsDuplicated} max_jobs_over_slots={j.MaxJobsOverSlots} selfplay_preempted={j.SelfplayPreempted}");
        var games = new string[j.GamesPerHourByConfig.Length];
        for (var i = 0; i < games.Length; i++) games[i] = Kernel.Scheduling.Jobs.ConfigKeys.Key(i) + ":" + j.GamesPerHourByConfig[i];
        output.WriteLine($"selfplay games_per_hour=[{string.Join(",", games)}] " +
                         $"config_share_min_over_max={(j.ConfigShareMinOverMaxBasisPoints / 10_000.0).ToString("F4", inv)}");
        var latencies = new List<Kernel.Duration>(j.PromotionToDistributed);
        latencies.Sort();
        output.WriteLine($"pipeline training_cycles={j.TrainingCycles} promotions={j.Promotions} " +
                         $"promotion_to_distributed_seconds p50={Seconds(Engine.NearestRank.Of(latencies, 50))} " +
                         $"p99={Seconds(Engine.NearestRank.Of(latencies, 99))} max={Seconds(Engine.NearestRank.Of(latencies, 100))} " +
                         $"samples={latencies.Count}");
    }

    private static string Seconds(Kernel.Duration span) => (span.Micros / 1e6).ToString("F1", CultureInfo.InvariantCulture);

    private static string DetectionSeconds(Engine.RunReport report)
    {
        var seconds = new string[report.DeathDetections.Length];
        for (var i = 0; i < seconds.Length; i++)
            seconds[i] = (report.DeathDetections[i].Micros / 1e6).ToString("F3", CultureInfo.InvariantCulture);
        return string.Join(",", seconds);
    }

    public static void WriteHash(TextWriter output, RunResult result) => output.WriteLine("trace-hash=" + result.Report.TraceHashHex);

    private static string ScalingLine(Engine.Workload.ScalingFigures s) =>
        $"scaling scale_ups={s.ScaleUps} scale_downs={s.ScaleDowns} nodes_provisioned={s.NodesProvisioned} " +
        $"failed_boots={s.FailedBoots} drains_started={s.DrainsStarted} scale_down_refusals={s.ScaleDownRefusals} " +
        $"elo_results={s.EloResults} elo_nodes_agreeing={s.EloNodesAgreeing}/{s.EloNodesRunning}";
}
