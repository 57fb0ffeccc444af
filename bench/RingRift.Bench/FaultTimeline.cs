using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using RingRift.Testing;

namespace RingRift.Bench;

/// <summary>The timeline of <see cref="BenchCluster.FaultyHour"/>: one or more faults of every kind, all healed by minute 45.</summary>
internal static class FaultTimeline
{
    public static ScenarioBuilder AddTo(ScenarioBuilder builder) => builder
        .At(new CrashNode(Minutes(5), 0, Id("lambda-gpu-02"), TornWrite: true))
        .At(new RestartNode(Minutes(10), 0, Id("lambda-gpu-02")))
        .At(new PauseNode(Minutes(12), 0, Id("vast-gpu-03"), Duration.FromMinutes(2)))
        .At(new PartitionNodes(Minutes(15), 0, [Id("hetzner-gpu-01"), Id("hetzner-gpu-02"), Id("hetzner-gpu-03")], []))
        .At(new HealNetwork(Minutes(20), 0))
        .At(new FlapLink(Minutes(22), 0, Id("lambda-gpu-05"), Id("vast-gpu-05"), Duration.FromSeconds(7)))
        .At(new SetNetworkFaults(Minutes(25), 0, new Ratio(200), new Ratio(100), new Ratio(500), new Ratio(100)))
        .At(new StepClock(Minutes(30), 0, Id("hetzner-gpu-07"), Duration.FromSeconds(30)))
        .At(new DriftClock(Minutes(30), 0, Id("vast-gpu-08"), 150))
        .At(new LaunchCommand(Minutes(32), 0, Id("lambda-gpu-07"), Job("selfplay-1", JobKind.Selfplay), Duration.FromMinutes(5)))
        .At(new LaunchCommand(Minutes(33), 0, Id("vast-gpu-09"), Job("training-1", JobKind.Training), Duration.FromMinutes(20)))
        .At(new TerminateCommand(Minutes(40), 0, Id("vast-gpu-09"), new JobId("training-1")))
        .At(new CrashNode(Minutes(40), 0, Id("hetzner-gpu-12"), TornWrite: false))
        .At(new SetNetworkFaults(Minutes(45), 0, BenchCluster.Network.Loss, BenchCluster.Network.Duplicate, BenchCluster.Network.Reorder, Ratio.Zero))
        .At(new HealNetwork(Minutes(45), 0));

    private static Duration Minutes(long minutes) => Duration.FromMinutes(minutes);

    private static NodeId Id(string name) => ScenarioBuilder.Id(name);

    private static JobSpec Job(string id, JobKind kind) => new(new JobId(id), kind, "square8_2p", 1);
}
