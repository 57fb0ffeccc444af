using System.Collections.Immutable;
using RingRift.Kernel.Node;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>The dispatch tests' cluster: a CPU leader and one two-GPU worker, and an in-memory durable store.</summary>
internal static class TwoNodeCluster
{
    public static readonly NodeId Leader = new("leader");
    public static readonly NodeId Gpu = new("gpu-1");
    public static readonly Instant T0 = new(1_000_000);

    public static readonly ImmutableArray<NodeProfile> Profiles =
    [
        new(Leader, "hetzner", GpuProfile.None, 64, 16, 1000, IsVoter: true, NatBlocked: false, ProxyOnly: false),
        new(Gpu, "lambda", new GpuProfile("H100", 2, 80), 200, 26, 1400, IsVoter: false, NatBlocked: false, ProxyOnly: false),
    ];

    public static JobSpec Selfplay(string id) => new(new JobId(id), JobKind.Selfplay, "hex8_2p", 1);

    public sealed class MemoryStore : IDurableStore
    {
        public PersistentState Current { get; private set; } = PersistentState.Empty;
        public void Save(PersistentState next) => Current = next with { Version = Current.Version + 1 };
    }
}
