using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;

namespace RingRift.Bench;

/// <summary>
/// Choosing the next selfplay config: <see cref="SelfplayPriorityPlanner.Weigh"/> of the 12 configs'
/// statistics (every priority term) followed by one seeded <see cref="SelfplayPriorityPlanner.PickConfig"/>,
/// and the pick alone over precomputed weights. Statistics are fixed, varied across configs
/// (bootstrapping, mature, starved, backpressured), and the weights buffer is reused.
/// </summary>
[MemoryDiagnoser]
public class ConfigPickBench
{
    private const int OpsPerInvoke = 256;
    private readonly Prng _prng = new(BenchCluster.Seed);
    private readonly long[] _weights = new long[SelfplayConfig.Count];
    private readonly ConfigStats[] _stats = new ConfigStats[SelfplayConfig.Count];
    private readonly SchedulingPolicy _policy = SchedulingPolicy.Default;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _stats.Length; i++)
        {
            _stats[i] = new ConfigStats(
                SelfplayConfig.All[i],
                Games: i * 1_700L,
                GamesSinceTraining: i * 37L,
                EloGap: 900 - i * 120,
                CurriculumWeight: new Ratio(7_000 + i * 700),
                SinceLastSelfplay: Duration.FromMinutes(i * i * 40),
                PendingJobs: i == 7 ? 60 : i,
                RunningJobs: i % 3);
        }
        SelfplayPriorityPlanner.Weigh(_stats, _policy, _weights);
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public int WeighAndPick()
    {
        var sum = 0;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            SelfplayPriorityPlanner.Weigh(_stats, _policy, _weights);
            sum += SelfplayPriorityPlanner.PickConfig(_weights, _prng);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public int PickOnly()
    {
        var sum = 0;
        for (var i = 0; i < OpsPerInvoke; i++) sum += SelfplayPriorityPlanner.PickConfig(_weights, _prng);
        return sum;
    }
}
