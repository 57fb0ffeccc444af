using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class SimClockTests
{
    private static readonly long Hour = Duration.FromHours(1).Micros;
    private static readonly long Second = Duration.MicrosPerSecond;

    [Fact]
    public void Read_PerfectClock_ShowsVirtualTime()
    {
        var clock = new SimClock(Duration.Zero, 0);

        Assert.Equal(new Instant(0), clock.Read(0));
        Assert.Equal(new Instant(Hour), clock.Read(Hour));
    }

    [Fact]
    public void Read_WithOffset_ShowsVirtualTimePlusOffset()
    {
        var clock = new SimClock(Duration.FromSeconds(-30), 0);

        Assert.Equal(new Instant(-30 * Second), clock.Read(0));
        Assert.Equal(new Instant(Hour - 30 * Second), clock.Read(Hour));
    }

    [Fact]
    public void Read_Plus100PpmOverOneHour_Gains360Millis()
    {
        var clock = new SimClock(Duration.Zero, 100);

        Assert.Equal(new Instant(Hour + Duration.FromMillis(360).Micros), clock.Read(Hour));
    }

    [Fact]
    public void Read_Minus100PpmOverOneHour_Loses360Millis()
    {
        var clock = new SimClock(Duration.Zero, -100);

        Assert.Equal(new Instant(Hour - Duration.FromMillis(360).Micros), clock.Read(Hour));
    }

    [Fact]
    public void Read_OffsetAndDrift_Combine()
    {
        var clock = new SimClock(Duration.FromSeconds(5), 250);

        Assert.Equal(new Instant(5 * Second + Hour + Duration.FromMillis(900).Micros), clock.Read(Hour));
        Assert.Equal(250, clock.DriftPpm);
    }

    [Fact]
    public void Read_SubMicrosecondGain_RoundsDown()
    {
        var clock = new SimClock(Duration.Zero, 100);

        Assert.Equal(new Instant(9_999), clock.Read(9_999));
        Assert.Equal(new Instant(10_001), clock.Read(10_000));
    }

    [Fact]
    public void Step_Forward_JumpsTheReadingAtOnce()
    {
        var clock = new SimClock(Duration.Zero, 0);
        clock.Read(10 * Second);

        clock.Step(10 * Second, Duration.FromSeconds(5));

        Assert.Equal(new Instant(15 * Second), clock.Read(10 * Second));
        Assert.Equal(new Instant(16 * Second), clock.Read(11 * Second));
    }

    [Fact]
    public void Step_Backward_FreezesUntilRealTimeCatchesUp()
    {
        var clock = new SimClock(Duration.Zero, 0);
        Assert.Equal(new Instant(10 * Second), clock.Read(10 * Second));

        clock.Step(10 * Second, Duration.FromSeconds(-5));

        Assert.Equal(new Instant(10 * Second), clock.Read(10 * Second));
        Assert.Equal(new Instant(10 * Second), clock.Read(12 * Second));
        Assert.Equal(new Instant(10 * Second), clock.Read(15 * Second));
        Assert.Equal(new Instant(11 * Second), clock.Read(16 * Second));
    }

    [Fact]
    public void SetDrift_MidRun_RebasesWithoutAJump()
    {
        var clock = new SimClock(Duration.Zero, 100);
        var atHour = clock.Read(Hour);

        clock.SetDrift(Hour, 0);

        Assert.Equal(atHour, clock.Read(Hour));
        Assert.Equal(atHour + Duration.FromSeconds(1), clock.Read(Hour + Second));
        Assert.Equal(0, clock.DriftPpm);
    }

    [Fact]
    public void SetDrift_Twice_AccumulatesEachSegmentAtItsRate()
    {
        var clock = new SimClock(Duration.Zero, 1_000);
        clock.SetDrift(Hour, -1_000);

        Assert.Equal(new Instant(2 * Hour), clock.Read(2 * Hour));
    }

    [Fact]
    public void GlobalAt_ReadingAlreadyReached_ReturnsNow()
    {
        var clock = new SimClock(Duration.FromSeconds(100), 0);

        Assert.Equal(7 * Second, clock.GlobalAt(new Instant(50 * Second), 7 * Second));
        Assert.Equal(7 * Second, clock.GlobalAt(new Instant(107 * Second), 7 * Second));
    }

    [Fact]
    public void GlobalAt_PerfectClockWithOffset_SubtractsTheOffset()
    {
        var clock = new SimClock(Duration.FromSeconds(100), 0);

        Assert.Equal(20 * Second, clock.GlobalAt(new Instant(120 * Second), 0));
    }

    [Fact]
    public void GlobalAt_FastClock_ComesEarlier()
    {
        var clock = new SimClock(Duration.Zero, 100);

        Assert.Equal(Hour - 359_964, clock.GlobalAt(new Instant(Hour), 0));
    }

    [Fact]
    public void GlobalAt_FrozenClockAlreadyShowingTheDeadline_ReturnsNow()
    {
        var clock = new SimClock(Duration.Zero, 0);
        clock.Read(10 * Second);
        clock.Step(10 * Second, Duration.FromSeconds(-5));

        Assert.Equal(12 * Second, clock.GlobalAt(new Instant(10 * Second), 12 * Second));
        Assert.Equal(16 * Second, clock.GlobalAt(new Instant(11 * Second), 12 * Second));
    }

    /// <summary>
    /// The wake time for a local deadline shows at least that deadline, and is the earliest such time:
    /// a microsecond before it the clock still reads less.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property GlobalAt_IsTheEarliestTimeReadingTheDeadline() =>
        Prop.ForAll(Arb.From(ClockCases()), c =>
        {
            var (ppm, offset, rebaseAt, now, ahead) = c;
            var probe = new SimClock(Duration.FromMicros(offset), 0);
            probe.SetDrift(rebaseAt, ppm);
            var deadline = Raw(offset, rebaseAt, ppm, now) + ahead;

            var at = probe.GlobalAt(new Instant(deadline), now);

            var earlier = at > now ? Fresh(offset, rebaseAt, ppm).Read(at - 1).Micros : long.MinValue;
            var reading = Fresh(offset, rebaseAt, ppm).Read(at).Micros;
            return (at >= now && reading >= deadline && earlier < deadline)
                .Label($"ppm={ppm} at={at} reading={reading} earlier={earlier} deadline={deadline}");
        });

    /// <summary>Whatever steps, drift changes and reads happen, in order of virtual time, readings never decrease.</summary>
    [Property]
    public Property Read_UnderStepsAndDriftChanges_NeverDecreases() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Zip(Gen.Choose(0, 2), Gen.Choose(-1_000_000, 1_000_000)))), operations =>
        {
            var clock = new SimClock(Duration.Zero, 0);
            long now = 0, last = long.MinValue;
            foreach (var (kind, amount) in operations)
            {
                now += System.Math.Abs(amount);
                switch (kind)
                {
                    case 0: clock.Step(now, Duration.FromMicros(amount * 10L)); break;
                    case 1: clock.SetDrift(now, amount / 10); break;
                }
                var reading = clock.Read(now).Micros;
                if (reading < last) return false;
                last = reading;
            }
            return true;
        });

    private static Gen<(int Ppm, long Offset, long RebaseAt, long Now, long Ahead)> ClockCases() =>
        from ppm in Gen.Choose(-100_000, 100_000)
        from offset in Gen.Choose(-1_000_000, 1_000_000)
        from rebaseAt in Gen.Choose(0, 1_000_000)
        from sinceRebase in Gen.Choose(0, 2_000_000_000)
        from ahead in Gen.Choose(1, 200_000_000)
        select (ppm, (long)offset, (long)rebaseAt, rebaseAt + (long)sinceRebase, (long)ahead);

    private static SimClock Fresh(long offset, long rebaseAt, int ppm)
    {
        var clock = new SimClock(Duration.FromMicros(offset), 0);
        clock.SetDrift(rebaseAt, ppm);
        return clock;
    }

    private static long Raw(long offset, long rebaseAt, int ppm, long global) =>
        offset + rebaseAt + (global - rebaseAt) * (1_000_000 + ppm) / 1_000_000;
}
