using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Reporting;
using Xunit;

namespace RingRift.Simulator.Tests.Reporting;

/// <summary>The pieces the timeline is built from: buckets, lanes, the majority view.</summary>
public sealed class TimelineBooksTests
{
    private const long Second = 1_000_000;

    [Theory]
    [InlineData(15 * 60, 1)]
    [InlineData(30 * 60, 2)]
    [InlineData(24 * 3600, 60)]
    [InlineData(7 * 24 * 3600, 600)]
    public void WidthFor_RunLength_SmallestRoundWidthUnderTheBucketBound(long runSeconds, long widthSeconds)
    {
        Assert.Equal(widthSeconds * Second, SeriesBook.WidthFor(runSeconds * Second));
        Assert.True(runSeconds / widthSeconds < SeriesBook.BucketsMax);
    }

    [Fact]
    public void Count_EventsInOneBucket_AddUp_AndTheEndFallsInTheLastBucket()
    {
        var book = new SeriesBook(10 * Second);
        book.Count("x", 0);
        book.Count("x", Second - 1);
        book.Count("x", 10 * Second);

        var values = Assert.Single(book.Finish()).Values;

        Assert.Equal(11, values.Length);
        Assert.Equal(2, values[0]);
        Assert.Equal(1, values[10]);
    }

    [Fact]
    public void Spread_AcrossBuckets_EachGetsItsOverlap_AndTheTotalIsRateTimesLength()
    {
        var book = new SeriesBook(10 * Second);
        book.Spread("s", Second / 2, 3 * Second + 250_000, 2);
        book.Spread("s", 9 * Second, 12 * Second, 1);

        var values = Assert.Single(book.Finish()).Values;

        Assert.Equal([1_000_000L, 2_000_000, 2_000_000, 500_000, 0, 0, 0, 0, 0, 1_000_000, 2_000_000], values.ToArray());
        Assert.Equal(2 * (3 * Second + 250_000 - Second / 2) + 3 * Second, values.Sum());
    }

    [Fact]
    public void Gauge_HoldsItsLevelUntilChanged_AndEachBucketKeepsItsHighest()
    {
        var book = new SeriesBook(10 * Second);
        book.Gauge("g", 0, 2);
        book.Gauge("g", 3 * Second + 1, 5);
        book.Gauge("g", 3 * Second + 2, 1);
        book.Gauge("g", 6 * Second, 0);

        var series = Assert.Single(book.Finish());

        Assert.Equal(SeriesKind.Gauge, series.Kind);
        Assert.Equal([2L, 2, 2, 5, 1, 1, 1, 0, 0, 0, 0], series.Values.ToArray());
    }

    [Fact]
    public void Set_SameStateAgain_ChangesNothing_AndAStateReplacedAtTheSameInstantNeverShows()
    {
        var book = new LaneBook();
        book.Set("role", 0, 0, "follower", "a");
        book.Set("role", 0, 5, "follower", "b");
        book.Set("role", 0, 10, "candidate", "c");
        book.Set("role", 0, 10, "leader", "d");

        var lane = Assert.Single(book.Finish(20));

        Assert.Equal([new TimelineInterval(0, 10, "follower", "a"), new TimelineInterval(10, 20, "leader", "d")], lane.Intervals.ToArray());
    }

    [Fact]
    public void Set_BeyondTheIntervalBound_KeepsTheFirstOnesAndSaysItWasTruncated()
    {
        var book = new LaneBook();
        for (var t = 0; t <= LaneBook.IntervalsMax + 10; t++) book.Set("membership", 0, t, t % 2 == 0 ? "alive" : "suspect", "x");

        var lane = Assert.Single(book.Finish(LaneBook.IntervalsMax + 20));

        Assert.True(book.Truncated);
        Assert.Equal(LaneBook.IntervalsMax + 1, lane.Intervals.Length);
        Assert.Equal(new TimelineInterval(LaneBook.IntervalsMax - 1, LaneBook.IntervalsMax, "suspect", "x"), lane.Intervals[^2]);
    }

    [Fact]
    public void MajorityView_MostObserversWin_TiesGoToTheWorseState_AndACrashedObserverStopsCounting()
    {
        var view = new MajorityView(4);
        for (var i = 0; i < 4; i++) view.Boot(i);

        view.Change(1, 0, MemberState.Suspect);
        Assert.Equal(MemberState.Alive, view.Of(0));
        view.Change(2, 0, MemberState.Suspect);
        Assert.Equal(MemberState.Suspect, view.Of(0));
        view.Change(3, 0, MemberState.Dead);
        view.Change(2, 0, MemberState.Dead);
        Assert.Equal(MemberState.Dead, view.Of(0));
        view.Crash(3);
        view.Crash(2);
        Assert.Equal(MemberState.Suspect, view.Of(0));
    }
}
