using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class HealingMachineTests
{
    private static readonly NodeId A = new("gpu-a"), B = new("gpu-b");
    private static readonly int Stalled = AlertKinds.Bit(AlertKind.SelfplayStalled);
    private static readonly MonitoringConfig Config = MonitoringConfig.Default with { HealingInterval = Duration.FromMinutes(5), HealingActionsPerHourMax = 3 };

    [Fact]
    public void Tick_TwoStalledNodes_OneActionPerIntervalLowestNodeFirst()
    {
        var (healer, outbox, jobs) = Create();
        healer.OnReport(Time.At(0), B, new AlertReport(1, 1, Stalled));
        healer.OnReport(Time.At(0), A, new AlertReport(1, 1, Stalled));

        healer.Tick(Time.At(60), leading: true, _ => true, jobs);
        healer.Tick(Time.At(120), leading: true, _ => true, jobs);

        Assert.Equal([A], jobs.Healed);
        var action = Assert.Single(Drain(outbox).OfType<HealingAction>());
        Assert.Equal(HealingAction.TerminateStuckJob, action.Action);
        Assert.Equal(A, action.Node);
    }

    [Fact]
    public void Tick_StalledForHours_NeverMoreThanTheHourlyBound()
    {
        var (healer, _, jobs) = Create();
        for (var minute = 1; minute <= 60; minute++)
        {
            healer.OnReport(Time.At(60 * minute), A, new AlertReport(1, minute, Stalled));
            healer.Tick(Time.At(60 * minute), leading: true, _ => true, jobs);
        }

        Assert.Equal(3, jobs.Healed.Count);
        Assert.Equal(3, healer.Actions);
        Assert.True(healer.RateLimited > 0);
    }

    [Fact]
    public void Tick_NotLeading_DoesNothing()
    {
        var (healer, _, jobs) = Create();
        healer.OnReport(Time.At(0), A, new AlertReport(1, 1, Stalled));

        healer.Tick(Time.At(60), leading: false, _ => true, jobs);

        Assert.Empty(jobs.Healed);
    }

    [Fact]
    public void Tick_NodeNotAliveOrReportStale_DoesNothing()
    {
        var (healer, _, jobs) = Create();
        healer.OnReport(Time.At(0), A, new AlertReport(1, 1, Stalled));

        healer.Tick(Time.At(60), leading: true, _ => false, jobs);
        healer.Tick(Time.At(60 * 4), leading: true, _ => true, jobs);

        Assert.Empty(jobs.Healed);
    }

    [Fact]
    public void OnReport_OlderSequence_IsIgnored()
    {
        var (healer, _, jobs) = Create();
        healer.OnReport(Time.At(0), A, new AlertReport(1, 5, 0));
        healer.OnReport(Time.At(1), A, new AlertReport(1, 4, Stalled));

        healer.Tick(Time.At(60), leading: true, _ => true, jobs);

        Assert.Empty(jobs.Healed);
    }

    private static (HealingMachine, Outbox, FakeJobs) Create()
    {
        var outbox = new Outbox(16);
        return (new HealingMachine(Config, outbox, 8), outbox, new FakeJobs());
    }

    private static IReadOnlyList<Notice> Drain(Outbox outbox) =>
        outbox.Drain(null, new NodeStatus(A, 1, NodeRole.Leader, A, 1, 0, 0, 0, [])).Notices;

    private sealed class FakeJobs : IStuckJobHealer
    {
        public List<NodeId> Healed { get; } = new();

        public JobId? TerminateStuckSelfplay(NodeId node, Instant now, string reason)
        {
            Healed.Add(node);
            return new JobId("job-" + Healed.Count);
        }
    }
}
