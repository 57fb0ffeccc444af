using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class MembershipConfigTests
{
    [Fact]
    public void Validate_Default_IsValid()
    {
        Assert.Empty(MembershipConfig.Default.Validate());
    }

    [Fact]
    public void Default_HasTheOriginalsTimings()
    {
        var config = MembershipConfig.Default;
        Assert.Equal("15s", config.HeartbeatInterval.ToString());
        Assert.Equal("90s", config.SuspectTimeout.ToString());
        Assert.Equal("3m", config.DeadTimeout.ToString());
        Assert.Equal("5m", config.RetireTimeout.ToString());
        Assert.Equal("2m", config.RetiredProbeInterval.ToString());
        Assert.Equal(1024, config.PeerTableMax);
    }

    [Fact]
    public void Validate_TestConfig_IsValid()
    {
        Assert.Empty(Configs.Membership.Validate());
    }

    [Fact]
    public void Validate_ZeroHeartbeatInterval_NamesIt()
    {
        var config = MembershipConfig.Default with { HeartbeatInterval = Duration.Zero };
        Assert.Equal(["heartbeat_interval must be positive (got 0s)"], config.Validate());
    }

    [Fact]
    public void Validate_SuspectTimeoutUnderTwoIntervals_NamesBothFields()
    {
        var config = MembershipConfig.Default with { SuspectTimeout = Duration.FromSeconds(29) };
        Assert.Equal(["suspect_timeout (29s) must be at least twice heartbeat_interval (15s)"], config.Validate());
    }

    [Fact]
    public void Validate_SuspectTimeoutOfExactlyTwoIntervals_IsValid()
    {
        var config = MembershipConfig.Default with { SuspectTimeout = Duration.FromSeconds(30) };
        Assert.Empty(config.Validate());
    }

    [Fact]
    public void Validate_DeadNotAfterSuspect_NamesBothFields()
    {
        var config = MembershipConfig.Default with { DeadTimeout = Duration.FromSeconds(90) };
        Assert.Equal(["dead_timeout (90s) must be greater than suspect_timeout (90s)"], config.Validate());
    }

    [Fact]
    public void Validate_RetireNotAfterDead_NamesBothFields()
    {
        var config = MembershipConfig.Default with { RetireTimeout = Duration.FromSeconds(180) };
        Assert.Equal(["retire_timeout (3m) must be greater than dead_timeout (3m)"], config.Validate());
    }

    [Fact]
    public void Validate_ProbeIntervalShorterThanHeartbeat_NamesBothFields()
    {
        var config = MembershipConfig.Default with { RetiredProbeInterval = Duration.FromMillis(14_999) };
        Assert.Equal(["retired_probe_interval (14999ms) must be at least heartbeat_interval (15s)"], config.Validate());
    }

    [Fact]
    public void Validate_ZeroPeerTable_NamesIt()
    {
        var config = MembershipConfig.Default with { PeerTableMax = 0 };
        Assert.Equal(["peer_table_max must be positive (got 0)"], config.Validate());
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryInconsistencyInOrder()
    {
        var config = new MembershipConfig(
            HeartbeatInterval: Duration.FromSeconds(-1),
            SuspectTimeout: Duration.FromSeconds(-5),
            DeadTimeout: Duration.FromSeconds(-5),
            RetireTimeout: Duration.FromSeconds(-6),
            RetiredProbeInterval: Duration.FromSeconds(-2),
            PeerTableMax: -1);

        Assert.Equal(
            [
                "heartbeat_interval must be positive (got -1s)",
                "suspect_timeout (-5s) must be at least twice heartbeat_interval (-1s)",
                "dead_timeout (-5s) must be greater than suspect_timeout (-5s)",
                "retire_timeout (-6s) must be greater than dead_timeout (-5s)",
                "retired_probe_interval (-2s) must be at least heartbeat_interval (-1s)",
                "peer_table_max must be positive (got -1)",
            ],
            config.Validate());
    }

    [Theory]
    [InlineData(0L, MemberState.Alive)]
    [InlineData(29_999_999L, MemberState.Alive)]
    [InlineData(30_000_000L, MemberState.Suspect)]
    [InlineData(59_999_999L, MemberState.Suspect)]
    [InlineData(60_000_000L, MemberState.Dead)]
    [InlineData(99_999_999L, MemberState.Dead)]
    [InlineData(100_000_000L, MemberState.Retired)]
    [InlineData(long.MaxValue, MemberState.Retired)]
    public void StateAfter_Silence_SwitchesExactlyAtEachTimeout(long silenceMicros, MemberState expected)
    {
        Assert.Equal(expected, Configs.Membership.StateAfter(Duration.FromMicros(silenceMicros)));
    }

    [Fact]
    public void SilenceLeaving_EachState_IsTheNextTimeout()
    {
        var config = Configs.Membership;
        Assert.Equal(Duration.FromSeconds(30), config.SilenceLeaving(MemberState.Alive));
        Assert.Equal(Duration.FromSeconds(60), config.SilenceLeaving(MemberState.Suspect));
        Assert.Equal(Duration.FromSeconds(100), config.SilenceLeaving(MemberState.Dead));
        Assert.Null(config.SilenceLeaving(MemberState.Retired));
    }
}
