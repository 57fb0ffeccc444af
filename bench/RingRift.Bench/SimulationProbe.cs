using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using RingRift.Simulator.Engine;

namespace RingRift.Bench;

/// <summary>
/// <c>--simulate [runs] [healthy|faulty] [seed]</c>: runs <see cref="BenchCluster.HealthyHour"/> (or
/// <see cref="BenchCluster.FaultyHour"/>) with the benchmark seed, outside
/// BenchmarkDotNet, and prints the trace hash, events, allocation and wall time of each run, then the
/// fastest and the median run. Attach a profiler to it; compare its hash before and after a speedup.
/// </summary>
internal static class SimulationProbe
{
    public static int Run(List<string> arguments)
    {
        var runs = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 1;
        var scenario = arguments.Count > 1 && arguments[1] == "faulty" ? BenchCluster.FaultyHour() : BenchCluster.HealthyHour();
        var seed = arguments.Count > 2 ? ulong.Parse(arguments[2], CultureInfo.InvariantCulture) : BenchCluster.Seed;
        Console.WriteLine(Text($"scenario {scenario.Name} seed {seed}"));
        var seconds = new double[runs];
        var events = 0L;
        for (var i = 0; i < runs; i++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var collectionsBefore = GC.CollectionCount(0);
            var watch = Stopwatch.StartNew();
            var report = SimulationBench.Run(scenario, seed);
            seconds[i] = watch.Elapsed.TotalSeconds;
            events = report.Events;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            Console.WriteLine(Text($"run {i + 1}: {Describe(report)} wall {seconds[i] * 1000:N0} ms, {allocated / report.Events:N0} B/event, {collections} gen0 GCs"));
        }
        Array.Sort(seconds);
        var median = seconds[runs / 2];
        Console.WriteLine(Text($"fastest {seconds[0] * 1000:N1} ms ({events / seconds[0]:N0} events/s), median {median * 1000:N1} ms ({events / median:N0} events/s)"));
        return 0;
    }

    private static string Describe(RunReport report) => Text(
        $"trace {report.TraceHashHex} events {report.Events:N0} sent {report.MessagesSent:N0} delivered {report.MessagesDelivered:N0} dropped {report.MessagesDropped:N0}");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
