using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Cli;

/// <summary>
/// Runs every seed of a range, each on its own simulation (one thread per simulation, up to
/// <c>parallel</c> at once), reporting progress about once a second. Results are kept by seed, so
/// the output does not depend on which thread finished first. With <c>swarm</c> each seed draws its
/// fault profile (swarm); without, each runs the scenario as written (measure). With <c>record</c>, each
/// run records its timeline and keeps only the figures a report needs from it.
/// </summary>
internal sealed class SwarmRunner(
    string path, Scenario scenario, SeedRange seeds, int parallel, TextWriter progress, bool swarm = true, bool record = false)
{
    private readonly RunResult[] _results = new RunResult[seeds.Count];
    private long _next = -1;
    private int _done;
    private int _failed;

    public RunResult[] Run()
    {
        var clock = Stopwatch.StartNew();
        var workers = new Thread[Math.Max(1, parallel)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(Work) { IsBackground = true, Name = "swarm-" + i };
            workers[i].Start();
        }
        foreach (var worker in workers)
            while (!worker.Join(TimeSpan.FromSeconds(1))) ReportProgress(clock.Elapsed);
        ReportProgress(clock.Elapsed);
        return _results;
    }

    private void Work()
    {
        for (var index = Interlocked.Increment(ref _next); index < _results.Length; index = Interlocked.Increment(ref _next))
        {
            var result = ScenarioRunner.Execute(path, scenario, seeds.First + (ulong)index, swarm, record: record).WithoutTimeline();
            _results[index] = result;
            if (result.Failed)
            {
                Interlocked.Increment(ref _failed);
                // Said at once, so a long run's failures can be replayed before it ends.
                progress.WriteLine($"failed seed={seeds.First + (ulong)index}");
            }
            Interlocked.Increment(ref _done);
        }
    }

    private void ReportProgress(TimeSpan elapsed)
    {
        var done = Volatile.Read(ref _done);
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(swarm ? "swarm" : "measure")}: {done}/{_results.Length} seeds done, {Volatile.Read(ref _failed)} failed, {rate:F1} seeds/s, {elapsed.TotalSeconds:F0}s"));
    }
}
