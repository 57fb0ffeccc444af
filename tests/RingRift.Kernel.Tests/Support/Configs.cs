using System.Collections.Immutable;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Kernel.Tests.Support;

/// <summary>Configurations for tests, built from <see cref="Profiles"/>.</summary>
internal static class Configs
{
    /// <summary>Small round numbers so transition times are easy to read: 10s, 30s, 60s, 100s, 40s.</summary>
    public static readonly MembershipConfig Membership = new(
        HeartbeatInterval: Duration.FromSeconds(10),
        SuspectTimeout: Duration.FromSeconds(30),
        DeadTimeout: Duration.FromSeconds(60),
        RetireTimeout: Duration.FromSeconds(100),
        RetiredProbeInterval: Duration.FromSeconds(40),
        PeerTableMax: 16);

    public const ulong Seed = 42;

    /// <summary>Round numbers for gossip: rounds every 10 s (to 15 s with jitter), anti-entropy 60 s, refresh 60 s, TTL 200 s.</summary>
    public static readonly GossipConfig Gossip = new(
        Interval: Duration.FromSeconds(10),
        AntiEntropyInterval: Duration.FromSeconds(60),
        Fanout: 3,
        RefreshInterval: Duration.FromSeconds(60),
        EntryTtl: Duration.FromSeconds(200),
        EntriesMax: 16,
        EntriesPerMessageMax: 8,
        PayloadBytesMax: 60 * 1024,
        DigestBytesMax: 24 * 1024);

    /// <summary>One gossip round an hour: for tests that pin the heartbeat schedule through the whole kernel.</summary>
    public static readonly GossipConfig QuietGossip = GossipConfig.Default with
    {
        Interval = Duration.FromHours(1),
        AntiEntropyInterval = Duration.FromHours(1),
        RefreshInterval = Duration.FromHours(1),
        EntryTtl = Duration.FromHours(3),
    };

    /// <summary>"node-a" in a cluster of node-a, node-b and node-c.</summary>
    public static KernelConfig Kernel(MembershipConfig? membership = null, ulong seed = Seed, int jobSlotsMax = 16) =>
        KernelFor("node-a", Profiles.Cluster("node-a", "node-b", "node-c"), membership, seed, jobSlotsMax);

    /// <summary>"node-a" alone: no peers, so membership stays silent and only the test's inputs produce output.</summary>
    public static KernelConfig Solo(int jobSlotsMax = 16) =>
        KernelFor("node-a", Profiles.Cluster("node-a"), jobSlotsMax: jobSlotsMax);

    public static KernelConfig KernelFor(
        string self, ImmutableArray<NodeProfile> cluster, MembershipConfig? membership = null, ulong seed = Seed, int jobSlotsMax = 16)
    {
        var selfProfile = Profiles.Gpu(self);
        foreach (var profile in cluster)
            if (profile.Node.Value == self) selfProfile = profile;
        return new KernelConfig(selfProfile, cluster, membership ?? Membership, seed, JobSlotsMax: jobSlotsMax);
    }
}
