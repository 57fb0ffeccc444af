using System;
using FsCheck;
using FsCheck.Fluent;
using RingRift.Kernel.Scheduling;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

/// <summary>Generators for placement candidates, demands and config statistics.</summary>
internal static class PolicyGen
{
    private static readonly GpuClass[] Classes = Enum.GetValues<GpuClass>();
    private static readonly GpuHealth[] Healths = Enum.GetValues<GpuHealth>();

    public static NodeCandidate Cand(string id, GpuClass gpu, GpuHealth health = GpuHealth.Healthy, long vramGb = 80,
        long ramGb = 256, long diskGb = 500, int slots = 8, bool draining = false, bool quarantined = false, bool training = false) =>
        new(new NodeId(id), gpu, health, ByteSize.FromGigabytes(vramGb), ByteSize.FromGigabytes(ramGb),
            ByteSize.FromGigabytes(diskGb), slots, draining, quarantined, training);

    /// <summary>Candidate attributes without an id; ids are given by position, so they are unique.</summary>
    private static readonly Gen<Func<int, NodeCandidate>> Attributes =
        from gpu in Gen.Elements(Classes)
        from health in Gen.Frequency((6, Gen.Constant(GpuHealth.Healthy)), (1, Gen.Elements(Healths)))
        from vram in Gen.Choose(0, 100)
        from ram in Gen.Choose(0, 64)
        from disk in Gen.Choose(0, 40)
        from slots in Gen.Choose(-1, 4)
        from draining in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from quarantined in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
        from training in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (Func<int, NodeCandidate>)(i => Cand("n" + ((i * 7919) % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            gpu, health, vram, ram, disk, slots, draining, quarantined, training));

    public static readonly Gen<NodeCandidate[]> Candidates =
        from attributes in Gen.ArrayOf(Attributes)
        select Build(attributes);

    public static readonly Gen<JobDemand> Demands =
        from kind in Gen.Elements(JobKind.Selfplay, JobKind.Training, JobKind.Gauntlet)
        from config in Gen.Elements(SelfplayConfig.All.AsSpan().ToArray())
        from cpuOnly in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Demand(kind, config, cpuOnly);

    private static JobDemand Demand(JobKind kind, SelfplayConfig config, bool cpuOnly)
    {
        var usual = JobDemand.For(kind, config, SchedulingPolicy.Default);
        return cpuOnly ? usual with { Vram = ByteSize.Zero } : usual;
    }

    public static readonly Gen<ConfigStats> Stats =
        from index in Gen.Choose(0, SelfplayConfig.Count - 1)
        from games in Gen.Choose(0, 20_000)
        from sinceTraining in Gen.Choose(0, 5_000)
        from gap in Gen.Choose(-500, 3_000)
        from weight in Gen.Choose(0, 30_000)
        from sinceMinutes in Gen.Choose(0, 10 * 24 * 60)
        from pending in Gen.Choose(0, 100)
        from running in Gen.Choose(0, 20)
        select new ConfigStats(SelfplayConfig.All[index], games, Math.Min(games, sinceTraining), gap, new Ratio(weight),
            Duration.FromMinutes(sinceMinutes), pending, running);

    public static readonly Gen<long[]> Weights = Gen.ArrayOf(Gen.Frequency(
        (1, Gen.Constant(0L)),
        (3, Gen.Choose(1, 100_000).Select(w => (long)w))));

    /// <summary>A permutation of <paramref name="items"/> drawn from <paramref name="seed"/> (Fisher–Yates).</summary>
    public static T[] Shuffled<T>(T[] items, ulong seed)
    {
        var copy = (T[])items.Clone();
        var prng = new Prng(seed);
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = (int)prng.NextBelow((ulong)(i + 1));
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }

    private static NodeCandidate[] Build(Func<int, NodeCandidate>[] attributes)
    {
        // 7919 is prime to 1000, so positions below 1000 get distinct ids; clip to keep them unique.
        var count = Math.Min(attributes.Length, 1000);
        var nodes = new NodeCandidate[count];
        for (var i = 0; i < count; i++) nodes[i] = attributes[i](i);
        return nodes;
    }
}
