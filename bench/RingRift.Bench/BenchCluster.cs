using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;
using RingRift.Testing;

namespace RingRift.Bench;

/// <summary>
/// The cluster every benchmark uses: 36 GPU hosts, 12 each at lambda, vast and hetzner (the size the
/// original's operators ran), on the default latency model with a little loss, duplication and
/// reordering. Kernel-level benchmarks add one more node, <see cref="Observer"/>, whose peer table
/// then holds all 36 hosts.
/// </summary>
internal static class BenchCluster
{
    public const int HostCount = 36;
    public const ulong Seed = 20_240_601;

    public static readonly NetworkSpec Network = NetworkSpec.Default with
    {
        Loss = new Ratio(10),
        Duplicate = new Ratio(5),
        Reorder = new Ratio(50),
    };

    public static readonly NodeProfile Observer = new(
        new NodeId("observer-gpu-01"), "lambda", new GpuProfile("GH200", 1, 96), 480, 72, 4000,
        IsVoter: false, NatBlocked: false, ProxyOnly: false);

    /// <summary>A simulated hour of the 36 hosts with every default check on.</summary>
    public static Scenario HealthyHour() => Cluster().Build("healthy-36-node-hour");

    /// <summary>
    /// The same hour with a fault of every kind the simulator models so far (crash with a torn write and
    /// restart, pause, partition, flapping link, heavy loss, duplication, reordering and replay, clock
    /// step and drift, jobs, a node that stays down), healed in time for the convergence check.
    /// </summary>
    public static Scenario FaultyHour() => FaultTimeline.AddTo(Cluster()).Build("faulty-36-node-hour");

    private static ScenarioBuilder Cluster() => new ScenarioBuilder()
        .WithHosts(12, "lambda")
        .WithHosts(12, "vast", voters: 0)
        .WithHosts(12, "hetzner", voters: 0)
        .WithNetwork(Network)
        .For(Duration.FromHours(1));

    /// <summary>The 36 hosts' profiles, in node-id order.</summary>
    public static ImmutableArray<NodeProfile> Hosts()
    {
        var hosts = HealthyHour().Hosts;
        var builder = ImmutableArray.CreateBuilder<NodeProfile>(hosts.Length);
        foreach (var host in hosts) builder.Add(host.Profile);
        return builder.MoveToImmutable();
    }

    /// <summary>What a busy node advertises: two selfplay jobs, GPU mostly busy.</summary>
    public static readonly NodeLoad BusyLoad = new(2, 0, 0, new ResourceSample(
        new Ratio(4_200), new Ratio(6_100), new Ratio(9_300), ByteSize.FromGigabytes(1_200), GpuHealth.Healthy));
}
