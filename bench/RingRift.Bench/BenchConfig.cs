using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace RingRift.Bench;

/// <summary>
/// The one configuration every benchmark runs under: a short job sized for a 2-core machine (one
/// launch, three warm-up and five measured iterations of about a quarter second each), the memory
/// diagnoser, and the simulator's events columns.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.Default
            .WithId("short-2core")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250)))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new SimulatedEventsColumn(perSecond: false), new SimulatedEventsColumn(perSecond: true));
}
