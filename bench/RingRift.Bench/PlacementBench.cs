using System;
using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;

namespace RingRift.Bench;

/// <summary>
/// Placing one job: <see cref="NodeSelectionPlanner.SelectBest"/> (capability filter, then GPU power,
/// free slots, node id) over a cluster of <see cref="Nodes"/> candidates, and the training variant.
/// The cluster is a seeded mix of the original's hardware (GH200, H100, A100, L40S, 5090, 4090, 3090,
/// 3060, CPU hosts), with some nodes full, draining, quarantined or with a hung or misdetected GPU.
/// Each operation places one of three demands in turn (small-board selfplay, large-board selfplay,
/// gauntlet) so that no single branch pattern is measured.
/// </summary>
[MemoryDiagnoser]
public class PlacementBench
{
    private const int OpsPerInvoke = 64;
    private static readonly GpuClass[] Mix =
    [
        GpuClass.H200, GpuClass.H200, GpuClass.H200, GpuClass.H100, GpuClass.A100, GpuClass.L40,
        GpuClass.Rtx5090, GpuClass.Rtx4090, GpuClass.Rtx4090, GpuClass.Rtx3090, GpuClass.Rtx3060, GpuClass.None,
    ];

    private NodeCandidate[] _nodes = [];
    private JobDemand[] _demands = [];
    private JobDemand _training;

    [Params(36, 256, 1_024)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var prng = new Prng(BenchCluster.Seed);
        _nodes = new NodeCandidate[Nodes];
        for (var i = 0; i < Nodes; i++) _nodes[i] = Candidate(i, prng);
        var policy = SchedulingPolicy.Default;
        _demands =
        [
            JobDemand.For(JobKind.Selfplay, new SelfplayConfig(BoardType.Square8, 2), policy),
            JobDemand.For(JobKind.Selfplay, new SelfplayConfig(BoardType.Hexagonal, 4), policy),
            JobDemand.For(JobKind.Gauntlet, new SelfplayConfig(BoardType.Hex8, 3), policy),
        ];
        _training = JobDemand.For(JobKind.Training, new SelfplayConfig(BoardType.Square19, 2), policy);
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public int SelectBest()
    {
        var sum = 0;
        ReadOnlySpan<NodeCandidate> nodes = _nodes;
        for (var i = 0; i < OpsPerInvoke; i++) sum += NodeSelectionPlanner.SelectBest(_demands[i % 3], nodes);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public int SelectTrainingNode()
    {
        var sum = 0;
        ReadOnlySpan<NodeCandidate> nodes = _nodes;
        for (var i = 0; i < OpsPerInvoke; i++) sum += NodeSelectionPlanner.SelectTrainingNode(_training, nodes);
        return sum;
    }

    private static NodeCandidate Candidate(int index, Prng prng)
    {
        var gpu = Mix[(int)prng.NextBelow((ulong)Mix.Length)];
        var roll = (int)prng.NextBelow(100);
        var health = roll switch { 0 => GpuHealth.Hung, 1 => GpuHealth.Misdetected, _ => GpuHealth.Healthy };
        var vramGb = gpu switch { GpuClass.H200 => 96, GpuClass.H100 or GpuClass.A100 => 80, GpuClass.L40 => 48, GpuClass.Rtx5090 => 32, GpuClass.None => 0, _ => 24 };
        return new NodeCandidate(
            new NodeId("node-" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
            gpu,
            health,
            ByteSize.FromGigabytes((long)prng.NextBelow((ulong)vramGb + 1)),
            ByteSize.FromGigabytes(8 + (long)prng.NextBelow(400)),
            ByteSize.FromGigabytes((long)prng.NextBelow(500)),
            SlotsFree: (int)prng.NextBelow(9),
            Draining: roll == 2,
            Quarantined: roll == 3,
            RunningTraining: prng.NextBelow(4) == 0);
    }
}
