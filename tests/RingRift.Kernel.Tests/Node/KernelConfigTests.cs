using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelConfigTests
{
    [Fact]
    public void Validate_TestConfig_IsValid()
    {
        Assert.Empty(Configs.Kernel().Validate());
    }

    [Fact]
    public void Defaults_AreTheDocumentedBounds()
    {
        var config = Configs.Kernel();
        Assert.Equal(16, config.JobSlotsMax);
        Assert.Equal(4096, config.HeldMessagesMax);
        Assert.Equal(500, config.DriftBoundPpm);
        Assert.Equal(Duration.FromSeconds(1), config.PersistRetryDelay);
    }

    [Fact]
    public void Validate_NegativeJobSlots_NamesIt()
    {
        Assert.Equal(["job_slots_max must not be negative (got -1)"], (Configs.Kernel() with { JobSlotsMax = -1 }).Validate());
    }

    [Fact]
    public void Validate_HostBeyondTheWireBounds_NamesHostAndField()
    {
        var config = Configs.Kernel();
        var overlong = config.Cluster[1] with { Provider = new string('p', NodeProfile.ProviderBytesMax + 1), Cpus = -2 };

        var errors = (config with { Cluster = config.Cluster.SetItem(1, overlong) }).Validate();

        Assert.Equal(
            [$"host {overlong.Node}: provider is longer than 64 bytes", $"host {overlong.Node}: cpus must be within 0..100000 (got -2)"],
            errors);
    }

    [Fact]
    public void Validate_ZeroJobSlots_IsValid()
    {
        Assert.Empty((Configs.Kernel() with { JobSlotsMax = 0 }).Validate());
    }

    [Fact]
    public void Validate_NoHeldMessages_NamesIt()
    {
        Assert.Equal(["held_messages_max must be positive (got 0)"], (Configs.Kernel() with { HeldMessagesMax = 0 }).Validate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Validate_DriftBoundOutOfRange_NamesIt(int ppm)
    {
        Assert.Equal(
            [$"drift_bound_ppm must be within 0..100000 (got {ppm})"],
            (Configs.Kernel() with { DriftBoundPpm = ppm }).Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void Validate_DriftBoundAtLimits_IsValid(int ppm)
    {
        Assert.Empty((Configs.Kernel() with { DriftBoundPpm = ppm }).Validate());
    }

    [Fact]
    public void Validate_ZeroPersistRetryDelay_NamesIt()
    {
        Assert.Equal(
            ["persist_retry_delay must be positive (got 0s)"],
            (Configs.Kernel() with { PersistRetryDelay = Duration.Zero }).Validate());
    }

    [Fact]
    public void Validate_ClusterLargerThanPeerTable_NamesBoth()
    {
        var config = Configs.Kernel(Configs.Membership with { PeerTableMax = 2 });
        Assert.Equal(["the cluster has 3 hosts but peer_table_max is 2"], config.Validate());
    }

    [Fact]
    public void Validate_HostListedTwice_NamesIt()
    {
        var config = Configs.KernelFor("node-a", Profiles.Cluster("node-a", "node-b", "node-a", "node-b"));
        Assert.Equal(["host node-a is listed twice", "host node-b is listed twice"], config.Validate());
    }

    [Fact]
    public void Validate_MembershipErrors_ComeFirst()
    {
        var config = Configs.Kernel(Configs.Membership with { PeerTableMax = 0 }) with { JobSlotsMax = -3 };
        Assert.Equal(
            [
                "peer_table_max must be positive (got 0)",
                "job_slots_max must not be negative (got -3)",
                "the cluster has 3 hosts but peer_table_max is 0",
            ],
            config.Validate());
    }

    [Fact]
    public void KernelNode_InvalidConfig_ThrowsListingEveryError()
    {
        var config = Configs.Kernel() with { HeldMessagesMax = 0, PersistRetryDelay = Duration.FromSeconds(-1) };

        var error = Assert.Throws<KernelConfigException>(() => new KernelNode(config, PersistentState.Empty, Instant.Zero));

        Assert.Equal(["held_messages_max must be positive (got 0)", "persist_retry_delay must be positive (got -1s)"], error.Errors);
        Assert.Equal(
            "invalid kernel config: held_messages_max must be positive (got 0); persist_retry_delay must be positive (got -1s)",
            error.Message);
    }

    [Fact]
    public void KernelNode_SelfOnlyCluster_StartsWithNoPeers()
    {
        var rig = new NodeRig(Configs.Solo());

        Assert.Equal(0, rig.Started.Status.TotalPeers);
    }
}
