using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class GossipConfigTests
{
    [Fact]
    public void Validate_DefaultAndTestConfig_AreValid()
    {
        Assert.Empty(GossipConfig.Default.Validate());
        Assert.Empty(Configs.Gossip.Validate());
        Assert.Empty(Configs.QuietGossip.Validate());
    }

    [Fact]
    public void Default_HasTheOriginalsTimingsAndTheBounds()
    {
        var config = GossipConfig.Default;
        Assert.Equal(("10s", "2m", "10m", "30m"),
            (config.Interval.ToString(), config.AntiEntropyInterval.ToString(), config.RefreshInterval.ToString(), config.EntryTtl.ToString()));
        Assert.Equal((3, 1024, 256), (config.Fanout, config.EntriesMax, config.EntriesPerMessageMax));
        Assert.Equal((61_440, 24_576, 36_860), (config.PayloadBytesMax, config.DigestBytesMax, config.EntriesBytesMax));
    }

    [Fact]
    public void Validate_ZeroInterval_NamesIt()
    {
        Assert.Contains("gossip_interval must be positive (got 0s)", (Configs.Gossip with { Interval = Duration.Zero }).Validate());
    }

    [Fact]
    public void Validate_AntiEntropyShorterThanInterval_NamesBoth()
    {
        Assert.Equal(
            ["anti_entropy_interval (5s) must be at least gossip_interval (10s)"],
            (Configs.Gossip with { AntiEntropyInterval = Duration.FromSeconds(5) }).Validate());
    }

    [Fact]
    public void Validate_ZeroFanout_NamesIt()
    {
        Assert.Equal(["gossip_fanout must be at least 1 (got 0)"], (Configs.Gossip with { Fanout = 0 }).Validate());
    }

    [Fact]
    public void Validate_RefreshShorterThanInterval_NamesBoth()
    {
        Assert.Equal(
            ["gossip_refresh_interval (5s) must be at least gossip_interval (10s)"],
            (Configs.Gossip with { RefreshInterval = Duration.FromSeconds(5) }).Validate());
    }

    [Fact]
    public void Validate_TtlTooShortForALostRefreshAndARepair_NamesTheRule()
    {
        Assert.Equal(
            ["gossip_entry_ttl (179s) must be at least twice gossip_refresh_interval (1m) plus anti_entropy_interval (1m)"],
            (Configs.Gossip with { EntryTtl = Duration.FromSeconds(179) }).Validate());
        Assert.Empty((Configs.Gossip with { EntryTtl = Duration.FromSeconds(180) }).Validate());
    }

    [Fact]
    public void Validate_Bounds_NameEach()
    {
        Assert.Equal(["gossip_entries_max must be at least 1 (got 0)"], (Configs.Gossip with { EntriesMax = 0 }).Validate());
        Assert.Equal(["gossip_entries_per_message_max must be within 1..1024 (got 0)"], (Configs.Gossip with { EntriesPerMessageMax = 0 }).Validate());
        Assert.Equal(["gossip_entries_per_message_max must be within 1..1024 (got 1025)"], (Configs.Gossip with { EntriesPerMessageMax = 1025 }).Validate());
    }

    [Fact]
    public void Validate_DigestTooSmallForOneItem_NamesIt()
    {
        Assert.Equal(
            ["gossip_digest_bytes_max must be at least 799, one digest item at its largest (got 798)"],
            (Configs.Gossip with { DigestBytesMax = 798 }).Validate());
    }

    [Fact]
    public void Validate_PayloadWithoutRoomForOneEntry_NamesIt()
    {
        var tight = Configs.Gossip with { DigestBytesMax = 1000, PayloadBytesMax = 1000 + 4 + NodeStateEntry.EncodedBytesMax - 1 };
        Assert.Equal(
            ["gossip_payload_bytes_max (1586) must leave room for one entry of 583 bytes beside a digest page of gossip_digest_bytes_max (1000)"],
            tight.Validate());
        Assert.Empty((tight with { PayloadBytesMax = tight.PayloadBytesMax + 1 }).Validate());
    }
}
