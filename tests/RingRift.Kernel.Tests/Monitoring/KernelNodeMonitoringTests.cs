using System.Linq;
using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class KernelNodeMonitoringTests
{
    [Fact]
    public void Status_MonitoringOff_HasNoHealthAndNoAlerts()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var status = rig.Wake(At(120)).Status;

        Assert.Empty(status.Health);
        Assert.Empty(status.Alerts);
    }

    [Fact]
    public void Status_MonitoringOn_ReportsEveryMachineInTheSeedsShape()
    {
        var rig = NodeRig.Durable(Configs.Solo() with { Monitoring = MonitoringConfig.Default });
        rig.RunUntil(At(180));

        var health = rig.Wake(At(180)).Status.Health;

        Assert.Equal(["predictive_monitoring", "self_healing", "membership", "election", "dispatch"], health.Select(h => h.Machine));
        var monitor = health[0];
        Assert.True(monitor.Healthy);
        Assert.Equal(3, monitor.Cycles);
        Assert.Equal(At(180), monitor.LastRun);
        Assert.Equal(Duration.FromMinutes(1), monitor.AverageInterval);
    }

    [Fact]
    public void Step_DiskFilling_RaisesTheAlertInStatusAndAsANotice()
    {
        var rig = NodeRig.Durable(Configs.Solo() with { Monitoring = MonitoringConfig.Default with { Horizon = Duration.FromHours(1) } });
        var raised = new System.Collections.Generic.List<AlertRaised>();
        for (var minute = 1; minute <= 12; minute++)
        {
            rig.Step(At(60 * minute - 1), new Observed(ResourceSample.Idle with { DiskUsed = new Ratio(7_000 + 100 * minute) }));
            foreach (var (_, ready) in rig.RunUntil(At(60 * minute))) raised.AddRange(ready.Notices.OfType<AlertRaised>());
        }

        var alert = Assert.Single(raised);
        Assert.Equal((new NodeId("node-a"), AlertKind.DiskFilling), (alert.Node, alert.Kind));
        Assert.True(alert.Level < 9_500);
        Assert.Equal("disk_filling", Assert.Single(rig.Wake(At(721)).Status.Alerts).Kind);
        Assert.False(rig.Wake(At(722)).Status.Health[0].Healthy);
    }

    [Fact]
    public void Step_OnlyTheGameCountChanges_AdvertisesNoNewLoad()
    {
        var rig = NodeRig.Durable(Configs.Kernel() with { Monitoring = MonitoringConfig.Default });
        rig.Step(At(1), new Observed(ResourceSample.Idle with { GamesWritten = 5, DiskUsed = new Ratio(5_000) }));
        rig.RunUntil(At(30));
        Assert.True(rig.Node.Gossip.TryGet(new NodeId("node-a"), out var before));

        rig.Step(At(31), new Observed(ResourceSample.Idle with { GamesWritten = 9, DiskUsed = new Ratio(5_100) }));
        rig.RunUntil(At(60));

        Assert.True(rig.Node.Gossip.TryGet(new NodeId("node-a"), out var after));
        Assert.Equal(before.Version, after.Version);
    }
}
