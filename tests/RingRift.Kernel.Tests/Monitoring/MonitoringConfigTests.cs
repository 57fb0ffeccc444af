using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class MonitoringConfigTests
{
    [Fact]
    public void Validate_Default_HasNoErrors() => Assert.Empty(MonitoringConfig.Default.Validate());

    [Fact]
    public void Validate_ClearNotBelowMax_NamesTheKey()
    {
        var errors = (MonitoringConfig.Default with { DiskUsedClear = Ratio.FromPercent(96) }).Validate();

        Assert.Contains(errors, e => e.Contains("monitoring.disk_used_clear", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StallLongerThanTheWindow_NamesTheKey()
    {
        var errors = (MonitoringConfig.Default with { StallAfter = Duration.FromMinutes(30) }).Validate();

        Assert.Contains(errors, e => e.StartsWith("monitoring.stall_after", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AlertReport_EncodeThenDecode_RoundTrips()
    {
        var writer = new WireWriter();
        MessageCodec.Encode(new AlertReport(3, 17, AlertKinds.Bit(AlertKind.DiskFilling)), writer);

        Assert.True(MessageCodec.TryDecode(writer.Written, out var message, out var error), error);
        Assert.Equal(new AlertReport(3, 17, 1), message);
    }

    [Fact]
    public void ClusterEvents_OperationsSyncAndScalingNotices_MapToTheirEvents()
    {
        Assert.Equal("ALERT_RAISED", ClusterEvents.Of(new AlertRaised(new NodeId("n"), AlertKind.DiskFilling, 1, null)));
        Assert.Equal("HEALING_ACTION", ClusterEvents.Of(new HealingAction(HealingAction.TerminateStuckJob, new NodeId("n"), "j", "r")));
        Assert.Equal("HOST_OFFLINE", ClusterEvents.Of(new RingRift.Kernel.Gossip.MemberStateChanged(new NodeId("n"), MemberState.Alive, MemberState.Dead)));
        Assert.Equal("SCALE_UP", ClusterEvents.Of(new RingRift.Kernel.Scaling.ScaleUpRequested(2, 15_000, 30)));
        Assert.Equal("SCALE_DOWN", ClusterEvents.Of(new RingRift.Kernel.Scaling.ScaleDownRequested(new NodeId("n"), Duration.FromMinutes(16), 100)));
        Assert.Equal("DATA_SYNC_COMPLETED", ClusterEvents.Of(new RingRift.Kernel.Sync.TransferEnded("games/a.db", new NodeId("s"), new NodeId("t"), true, null)));
        Assert.Null(ClusterEvents.Of(new RingRift.Kernel.Sync.TransferEnded("games/a.db", new NodeId("s"), new NodeId("t"), true, TransferFailure.Corrupt)));
        Assert.Null(ClusterEvents.Of(new StateDurable(1)));
    }
}
