using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace RingRift.Bench;

/// <summary>
/// <c>--simulate [runs]</c>: runs <see cref="BenchCluster.HealthyHour"/> with the benchmark seed, outside
/// BenchmarkDotNet, and prints the trace hash, the events and the wall time of each run. Attach
/// dotnet-trace to it for a CPU profile; compare its hash before and after a speedup.
/// </summary>
internal static class SimulationProbe
{
    public static int Run(List<string> arguments)
    {
        var runs = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 1;
        var scenario = BenchCluster.HealthyHour();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario {scenario.Name} seed {BenchCluster.Seed}"));
        for (var i = 0; i < runs; i++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var report = SimulationBench.Run(scenario);
            var seconds = watch.Elapsed.TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: trace {report.TraceHashHex} events {report.Events:N0} sent {report.MessagesSent:N0} " +
                $"delivered {report.MessagesDelivered:N0} dropped {report.MessagesDropped:N0} " +
                $"wall {seconds * 1000:N0} ms, {report.Events / seconds:N0} events/s, {allocated / report.Events:N0} B/event"));
        }
        return 0;
    }
}
