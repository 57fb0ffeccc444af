using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class MonitorMachineTests
{
    private static readonly NodeId Self = new("gpu-1");
    private static readonly MonitoringConfig Config = MonitoringConfig.Default with { Horizon = Duration.FromHours(1), ReminderInterval = Duration.FromMinutes(30) };

    [Fact]
    public void Tick_DiskFillingThenCleaned_RaisesOnceBeforeFullThenClearsOnce()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // 50 bp a minute from 60%: the ceiling (95%) is reached at minute 70.
        for (var minute = 1; minute <= 40; minute++) Sample(machine, outbox, notices, minute, disk: 6_000 + 50 * minute);
        for (var minute = 41; minute <= 60; minute++) Sample(machine, outbox, notices, minute, disk: 5_000);

        var raised = Assert.Single(notices.OfType<AlertRaised>());
        Assert.Equal(AlertKind.DiskFilling, raised.Kind);
        Assert.True(raised.Level < 9_500, "raised before the threshold was crossed");
        // Minute 10, the first full window: 3000 bp left at 50 a minute is exactly the one-hour horizon.
        Assert.Equal(6_500, raised.Level);
        Assert.Equal(Duration.FromHours(1), raised.Eta);
        Assert.Single(notices.OfType<AlertCleared>());
        Assert.Equal(0, machine.ActiveMask);
    }

    [Fact]
    public void Tick_FlatDiskWithUnsampledMinutes_RaisesNothing()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // A GPU fault's sample carries no disk figure (zero); taken as 0 % it would fake a steep rise to 40 %.
        for (var minute = 1; minute <= 30; minute++) Sample(machine, outbox, notices, minute, disk: minute % 7 == 0 ? 0 : 4_000);

        Assert.Empty(notices.OfType<AlertRaised>());
        Assert.Equal(0, machine.ActiveMask);
    }

    [Fact]
    public void Tick_OneStepThenDraining_RaisesNothing()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // A burst: flat at 40 %, one jump to 80 %, then slowly down. The fitted line is steep at the jump,
        // but the window never rises in both halves.
        for (var minute = 1; minute <= 40; minute++) Sample(machine, outbox, notices, minute, disk: minute < 15 ? 4_000 : 8_000 - 10 * (minute - 15));

        Assert.Empty(notices.OfType<AlertRaised>());
    }

    [Fact]
    public void Tick_AlertActiveForHours_RemindsAtMostOncePerReminderInterval()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        for (var minute = 1; minute <= 180; minute++) Sample(machine, outbox, notices, minute, disk: 9_600);

        Assert.Single(notices.OfType<AlertRaised>());
        // Raised when the window filled (minute 10); reminded at 40, 70 … 160: five times in three hours, not 170.
        Assert.Equal(5, notices.OfType<AlertStillActive>().Count());
        Assert.Single(machine.Active());
    }

    [Fact]
    public void Tick_SelfplayStopsWriting_RaisesStallWithinTheBoundPlusOneInterval()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        for (var minute = 1; minute <= 20; minute++)
            Sample(machine, outbox, notices, minute, disk: 5_000, games: minute <= 10 ? 5 * minute : 50, selfplay: 1);

        var raised = Assert.Single(notices.OfType<AlertRaised>());
        Assert.Equal(AlertKind.SelfplayStalled, raised.Kind);
        Assert.Equal(AlertKinds.Bit(AlertKind.SelfplayStalled), machine.ActiveMask);
        Assert.Equal("selfplay_stalled", machine.Active()[0].Kind);
    }

    [Fact]
    public void Tick_GpuOnlySampleWithoutGames_KeepsTheLearnedRate()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // Four jobs at twelve job-minutes a game learn the rate; a GPU fault's sample carries no game count
        // (minute 61); then one job is left, writing a game every 12 minutes: 7 minutes of silence is not a stall.
        for (var minute = 1; minute <= 60; minute++) Sample(machine, outbox, notices, minute, disk: 5_000, games: minute / 3, selfplay: 4);
        Sample(machine, outbox, notices, 61, disk: 0, games: null, selfplay: 1);
        for (var minute = 62; minute <= 120; minute++) Sample(machine, outbox, notices, minute, disk: 5_000, games: 20 + (minute - 60) / 12, selfplay: 1);

        Assert.Empty(notices.OfType<AlertRaised>());
    }

    [Fact]
    public void Tick_LeadersQueueGrowingThenLeadershipLost_RaisesThenClears()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // 100 more pending jobs a minute from 2,000: the bound (5,000) is 21 minutes away at minute 10.
        for (var minute = 1; minute <= 10; minute++)
        {
            machine.Tick(Time.At(60 * minute), new MonitorSample(Ratio.Zero, Ratio.Zero, null, 0, 2_000 + 100 * minute));
            notices.AddRange(outbox.Drain(null, Status).Notices);
        }
        machine.Tick(Time.At(660), new MonitorSample(Ratio.Zero, Ratio.Zero, null, 0, null));
        notices.AddRange(outbox.Drain(null, Status).Notices);

        Assert.Equal(AlertKind.QueueGrowing, Assert.Single(notices.OfType<AlertRaised>()).Kind);
        Assert.Equal(AlertKind.QueueGrowing, Assert.Single(notices.OfType<AlertCleared>()).Kind);
    }

    [Fact]
    public void Tick_HeartbeatDelayRisingThenFalling_RaisesOnceBeforeTheBoundThenClearsOnce()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // The round trip to the leader grows by 2 s a minute from 2 s for 40 minutes, then the link is fixed.
        for (var minute = 1; minute <= 60; minute++)
            Delay(machine, outbox, notices, minute, Duration.FromSeconds(minute <= 40 ? 2 + 2 * minute : 2));

        var raised = Assert.Single(notices.OfType<AlertRaised>());
        Assert.Equal(AlertKind.HeartbeatDelayRising, raised.Kind);
        // Minute 14: 30 s, and the 60 s left to the 90 s bound at 2 s a minute is exactly the 30-minute horizon.
        Assert.Equal(30_000, raised.Level);
        Assert.True(raised.Level < Config.HeartbeatDelayMax.WholeMillis, "raised before the bound");
        Assert.Equal(Duration.FromMinutes(30), raised.Eta);
        var cleared = Assert.Single(notices.OfType<AlertCleared>());
        Assert.Equal(2_000, cleared.Level);
        Assert.Equal(0, machine.ActiveMask);
    }

    [Fact]
    public void Tick_HeartbeatDelayJitteringOrUnmeasured_RaisesNothing()
    {
        var (machine, outbox) = Create();
        var notices = new List<Notice>();
        // A slow-but-healthy node: up to 5 s of its own stalls on every round trip, and minutes without a leader.
        for (var minute = 1; minute <= 120; minute++)
            Delay(machine, outbox, notices, minute, minute % 17 == 0 ? null : Duration.FromMillis(500 + minute * 7919 % 5_000));

        Assert.Empty(notices.OfType<AlertRaised>());
    }

    [Fact]
    public void Tick_HostCountsNoGames_NeverRaisesAStall()
    {
        var (machine, outbox) = Create();
        for (var minute = 1; minute <= 20; minute++)
            machine.Tick(Time.At(60 * minute), new MonitorSample(new Ratio(5_000), Ratio.Zero, null, 1, null));

        Assert.Empty(outbox.Drain(null, Status).Notices);
    }

    [Fact]
    public void Tick_BeforeTheInterval_SamplesNothing()
    {
        var (machine, outbox) = Create();
        machine.Tick(Time.At(30), new MonitorSample(new Ratio(9_900), Ratio.Zero, 0, 0, null));

        Assert.Equal(0, machine.Health.Cycles);
        Assert.Equal(Time.At(60), machine.NextDeadline);
    }

    private static (MonitorMachine, Outbox) Create()
    {
        var outbox = new Outbox(16);
        return (new MonitorMachine(Config, Self, outbox, Instant.Zero), outbox);
    }

    private static void Sample(MonitorMachine machine, Outbox outbox, List<Notice> notices, int minute, int disk, long? games = 0, int selfplay = 0)
    {
        machine.Tick(Time.At(60 * minute), new MonitorSample(new Ratio(disk), Ratio.Zero, games, selfplay, null));
        notices.AddRange(outbox.Drain(null, Status).Notices);
    }

    private static void Delay(MonitorMachine machine, Outbox outbox, List<Notice> notices, int minute, Duration? delay)
    {
        machine.Tick(Time.At(60 * minute), new MonitorSample(Ratio.Zero, Ratio.Zero, null, 0, null, delay));
        notices.AddRange(outbox.Drain(null, Status).Notices);
    }

    private static readonly NodeStatus Status = new(Self, 1, NodeRole.Follower, null, 0, 0, 0, 0, []);
}
