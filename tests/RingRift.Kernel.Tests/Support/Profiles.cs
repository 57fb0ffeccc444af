using System.Collections.Immutable;

namespace RingRift.Kernel.Tests.Support;

/// <summary>Node profiles for tests: a GH200-class GPU node unless a test says otherwise.</summary>
internal static class Profiles
{
    public static NodeProfile Gpu(string name, bool natBlocked = false, bool isVoter = false) => new(
        new NodeId(name), "lambda", new GpuProfile("GH200", 1, 96),
        MemoryGb: 480, Cpus: 72, DiskGb: 4000, IsVoter: isVoter, NatBlocked: natBlocked, ProxyOnly: false);

    /// <summary>One profile per name, in the order given.</summary>
    public static ImmutableArray<NodeProfile> Cluster(params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<NodeProfile>(names.Length);
        foreach (var name in names) builder.Add(Gpu(name));
        return builder.MoveToImmutable();
    }

    /// <summary>A profile that exercises every field of the wire format, including non-ASCII text.</summary>
    public static NodeProfile Rich() => new(
        new NodeId("vast-rtx5090-7"), "vast.ai Zürich", new GpuProfile("RTX 5090 ✓", 8, 32),
        MemoryGb: 1024, Cpus: 128, DiskGb: 20_000, IsVoter: true, NatBlocked: true, ProxyOnly: true);

    public static NodeLoad RichLoad() => new(
        SelfplayJobs: 3, TrainingJobs: 1, GauntletJobs: 2,
        new ResourceSample(new Ratio(4_250), new Ratio(9_999), Ratio.One, ByteSize.FromGigabytes(750), GpuHealth.Hung));
}
