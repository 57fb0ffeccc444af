using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Scaling;
using Xunit;

namespace RingRift.Kernel.Tests.Scaling;

/// <summary>The leader's auto-scaler: its check timer, idle clocks, effects, cooldown and what leadership loss forgets.</summary>
public sealed class ScalingMachineTests
{
    private static readonly NodeId A = new("a"), B = new("b");
    private static readonly ScalingConfig Config = new([A, B], "rtx4090x2");
    private static readonly Instant T0 = Instant.Zero + Duration.FromHours(1);

    private static ScalingInput Input(int pending, params ScalingNodeFacts[] managed) => new(pending, 2, [.. managed]);

    private static ScalingNodeFacts Facts(NodeId node, bool up, int jobs) => new(node, up, false, false, false, jobs);

    [Fact]
    public void IsDue_FirstCheck_OneCheckIntervalAfterLeadingStarts()
    {
        var machine = new ScalingMachine(Config, new Outbox(16));

        Assert.False(machine.IsDue(T0, leading: true));
        Assert.Equal(T0 + Duration.FromSeconds(120), machine.NextDeadline);
        Assert.True(machine.IsDue(T0 + Duration.FromSeconds(120), leading: true));
    }

    [Fact]
    public void Check_PendingHigh_IssuesOneProvisionEffectThenCoolsDownTenMinutes()
    {
        var outbox = new Outbox(16);
        var machine = new ScalingMachine(Config, outbox);
        machine.IsDue(T0, true);
        var at = T0 + Duration.FromSeconds(120);

        machine.Check(at, Input(50, Facts(A, false, 0), Facts(B, false, 0)));
        var first = outbox.Drain(null, Status());
        machine.IsDue(at + Duration.FromSeconds(120), true);
        var cooling = machine.Check(at + Duration.FromSeconds(120), Input(50, Facts(A, false, 0), Facts(B, false, 0)));

        var provision = Assert.IsType<ProvisionNodes>(Assert.Single(first.Effects));
        Assert.Equal(2, provision.Count);
        Assert.Equal("rtx4090x2", provision.Profile);
        Assert.Equal(0, cooling.Provision);
    }

    [Fact]
    public void Check_IdleFifteenMinutesWithLowPending_DecommissionsMeasuredFromTheFirstIdleCheck()
    {
        var outbox = new Outbox(16);
        var machine = new ScalingMachine(Config, outbox);
        machine.IsDue(T0, true);
        var at = T0 + Duration.FromSeconds(120);
        ScalingDecision decision = null!;
        for (var i = 0; i <= 8; i++)
        {
            var now = at + Duration.FromSeconds(120) * i;
            Assert.True(machine.IsDue(now, true));
            decision = machine.Check(now, Input(0, Facts(A, true, 0), Facts(B, true, 3)));
            if (i < 8) Assert.Empty(decision.Decommission);
        }

        Assert.Equal(new[] { A }, decision.Decommission.ToArray());
        var effect = outbox.Drain(null, Status()).Effects.OfType<DecommissionNode>().Single();
        Assert.Equal(A, effect.Node);
        Assert.True(machine.OnCompleted(effect.Id, new NodeDecommissioned(true, "")));
    }

    [Fact]
    public void IsDue_LeadershipLost_ForgetsDrains()
    {
        var machine = new ScalingMachine(Config, new Outbox(16));
        machine.IsDue(T0, true);
        machine.Check(T0 + Duration.FromSeconds(120), Input(0, Facts(A, true, 2), Facts(B, true, 3)));
        Assert.Equal(2, machine.Draining.Count);

        Assert.False(machine.IsDue(T0 + Duration.FromSeconds(130), leading: false));

        Assert.Empty(machine.Draining);
        Assert.Equal(Instant.MaxValue, machine.NextDeadline);
    }

    private static NodeStatus Status() => new(A, 1, NodeRole.Follower, null, 0, 0, 0, 0, []);
}
