using BenchmarkDotNet.Attributes;
using RingRift.Kernel;

namespace RingRift.Bench;

/// <summary>
/// The seeded generator behind every random choice in the kernel and the simulator. Reported per
/// draw; <see cref="NextBelowUnbiased"/> uses a bound whose rejection zone is large (2^63 + 1), the
/// worst case for Lemire's method, <see cref="NextBelowBasisPoints"/> the bound fault sampling uses.
/// </summary>
[MemoryDiagnoser]
public class PrngBench
{
    private const int OpsPerInvoke = 1024;
    private readonly Prng _prng = new(BenchCluster.Seed);

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public ulong NextUInt64()
    {
        var sum = 0UL;
        for (var i = 0; i < OpsPerInvoke; i++) sum ^= _prng.NextUInt64();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public ulong NextBelowBasisPoints()
    {
        var sum = 0UL;
        for (var i = 0; i < OpsPerInvoke; i++) sum ^= _prng.NextBelow(Ratio.BasisPointsPerOne);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(0)]
    public ulong NextBelowUnbiased()
    {
        var sum = 0UL;
        for (var i = 0; i < OpsPerInvoke; i++) sum ^= _prng.NextBelow((1UL << 63) + 1);
        return sum;
    }
}
