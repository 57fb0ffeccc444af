using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace RingRift.Bench;

/// <summary>
/// The one configuration every benchmark runs under: a short job sized for a 2-core machine (one
/// launch, three warm-up and five measured iterations of about a quarter second each), the memory
/// diagnoser, and the simulator's events columns. <c>--in-process</c> runs the same job in this process.
/// </summary>
internal static class BenchConfig
{
    /// <param name="inProcess">Run in this process instead of a generated one: faster, less isolated,
    /// and the only way to benchmark a build copied away from its project (for before/after runs).</param>
    public static IConfig Create(bool inProcess) => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(ShortJob(inProcess))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(new SimulatedEventsColumn(perSecond: false), new SimulatedEventsColumn(perSecond: true));

    private static Job ShortJob(bool inProcess)
    {
        var job = Job.Default
            .WithId("short-2core")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250));
        return inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job;
    }
}
