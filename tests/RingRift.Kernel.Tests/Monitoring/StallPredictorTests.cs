using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

/// <summary>One sample a minute; the counter is the node's cumulative games written.</summary>
public sealed class StallPredictorTests
{
    private static readonly Duration StallAfter = Duration.FromMinutes(6);

    [Fact]
    public void FastNode_FrozenCounter_CaughtAtStallAfter()
    {
        var stall = new StallPredictor(StallAfter);
        // Four jobs, a game a minute for 20 minutes: four job-minutes a game, one minute for the four — far below 6.
        for (var minute = 0; minute <= 20; minute++) Observe(stall, minute, games: minute, running: 4);

        for (var minute = 21; minute <= 25; minute++) Assert.False(Observe(stall, minute, games: 20, running: 4), $"minute {minute}");
        Assert.True(Observe(stall, 26, games: 20, running: 4));
        Assert.Equal(StallAfter, stall.Bound(4));
    }

    [Fact]
    public void SlowNode_OneGameEveryTwelveMinutes_NotAlertedAtTenButAtFourTimesTwelve()
    {
        var stall = new StallPredictor(StallAfter);
        // Four jobs at twelve job-minutes a game (one every 3 minutes) learn the rate; from minute 60 one
        // job is left and writes a game every 12 minutes, silent for longer than stall_after each time.
        for (var minute = 0; minute <= 180; minute++) Assert.False(Observe(stall, minute, SlowGames(minute), SlowJobs(minute)), $"minute {minute}");
        Assert.Equal(Duration.FromMinutes(12 * StallPredictor.RateMultiple), stall.Bound(1));

        // Game 30 at minute 180, then none: stalled only after four expected games' worth of silence.
        var silence = 12 * StallPredictor.RateMultiple;
        for (var minute = 181; minute < 180 + silence; minute++) Assert.False(Observe(stall, minute, games: 30, running: 1), $"minute {minute}");
        Assert.True(Observe(stall, 180 + silence, games: 30, running: 1));
    }

    [Fact]
    public void SlowNode_JobsRunningNow_DivideTheExpectedWait()
    {
        var stall = new StallPredictor(StallAfter);
        for (var minute = 0; minute <= 60; minute++) Observe(stall, minute, SlowGames(minute), SlowJobs(minute));

        // Twelve job-minutes a game: two jobs write one every six minutes, four every three.
        Assert.Equal(Duration.FromMinutes(6 * StallPredictor.RateMultiple), stall.Bound(2));
        Assert.Equal(Duration.FromMinutes(3 * StallPredictor.RateMultiple), stall.Bound(4));
    }

    [Fact]
    public void EstimateNotYetLearned_StallAfterAlone()
    {
        var stall = new StallPredictor(StallAfter);
        // Five slow games only (fewer than GamesToLearn): the bound for the lone job is still stall_after.
        for (var minute = 0; minute <= 15; minute++) Observe(stall, minute, SlowGames(minute), running: 4);
        Assert.Equal(5, stall.LearnedGames);
        Assert.Equal(StallAfter, stall.Bound(1));

        for (var minute = 16; minute <= 20; minute++) Assert.False(Observe(stall, minute, games: 5, running: 1), $"minute {minute}");
        Assert.True(Observe(stall, 21, games: 5, running: 1));
    }

    [Fact]
    public void SlowNodeAlertedBeforeLearning_StillLearnsItsRate()
    {
        var stall = new StallPredictor(StallAfter);
        // A lone job from the start, a game every 12 minutes: alerted at 6 minutes while nothing is learned,
        // each span credited up to the bound it broke, so the bound grows and the alerts stop.
        for (var minute = 0; minute <= 12 * 60; minute++) Observe(stall, minute, games: minute / 12, running: 1);
        for (var minute = 12 * 60 + 1; minute <= 12 * 120; minute++) Assert.False(Observe(stall, minute, games: minute / 12, running: 1), $"minute {minute}");
    }

    [Fact]
    public void NoSelfplay_NeverStalled_AndAStartBeginsTheSpan()
    {
        var stall = new StallPredictor(StallAfter);
        for (var minute = 0; minute <= 120; minute++) Assert.False(Observe(stall, minute, games: 7, running: 0), $"minute {minute}");

        // Selfplay starts at minute 121: the frozen counter counts from there, not from minute 0.
        for (var minute = 121; minute <= 126; minute++) Assert.False(Observe(stall, minute, games: 7, running: 1), $"minute {minute}");
        Assert.True(Observe(stall, 127, games: 7, running: 1));
        Assert.False(Observe(stall, 128, games: 7, running: 0));
    }

    [Fact]
    public void StallThenRecovery_StalledSpanIsNotLearned()
    {
        var stall = new StallPredictor(StallAfter);
        for (var minute = 0; minute <= 20; minute++) Observe(stall, minute, games: minute, running: 4);
        // Frozen for an hour: stalled from minute 26, then games flow again at minute 81.
        for (var minute = 21; minute <= 80; minute++) Observe(stall, minute, games: 20, running: 4);
        Assert.True(stall.IsStalled);
        Assert.False(Observe(stall, 81, games: 21, running: 4));

        // Credited up to the bound it broke (24 job-minutes), not the 240 silent job-minutes, which would make
        // the bound 4 x 320 / 21 / 4 = 15 minutes.
        Assert.Equal(21, stall.LearnedGames);
        Assert.Equal(StallAfter, stall.Bound(4));
    }

    [Fact]
    public void FastBurstAfterALongMix_LoneSlowJobNotAlerted()
    {
        var stall = new StallPredictor(StallAfter);
        // 20 hours of two jobs at four job-minutes a game (600 games), then two hours of a fast config
        // (one job-minute a game, 240 games), then a lone slow job writing a game every 12 minutes.
        var minute = 0;
        for (; minute <= 1_200; minute++) Observe(stall, minute, games: minute / 2, running: 2);
        for (; minute <= 1_320; minute++) Observe(stall, minute, games: 600 + 2 * (minute - 1_200), running: 2);
        for (; minute <= 1_320 + 120; minute++) Assert.False(Observe(stall, minute, games: 840 + (minute - 1_320) / 12, running: 1), $"minute {minute}");
    }

    [Fact]
    public void LongRun_EstimateDecays_OldGamesWeighLess()
    {
        var stall = new StallPredictor(StallAfter);
        // 5,000 fast games (one job-minute each), then 5,000 at 12 job-minutes each on one job.
        for (var minute = 0; minute <= 5_000; minute++) Observe(stall, minute, games: minute, running: 1);
        for (var minute = 5_001; minute <= 5_000 + 12 * 5_000; minute++) Observe(stall, minute, games: 5_000 + (minute - 5_000) / 12, running: 1);

        Assert.InRange(stall.LearnedGames, StallPredictor.GamesRemembered / 2, StallPredictor.GamesRemembered);
        // The cumulative mean would be 6.5 job-minutes a game (a 26-minute bound); the decayed pair has halved
        // the fast games away twice or more.
        Assert.InRange(stall.Bound(1).Micros, Duration.FromMinutes(9 * StallPredictor.RateMultiple).Micros, Duration.FromMinutes(12 * StallPredictor.RateMultiple).Micros);
    }

    /// <summary>Twelve job-minutes a game: four jobs until minute 60 (a game every 3 minutes), then one.</summary>
    private static long SlowGames(int minute) => minute <= 60 ? minute / 3 : 20 + (minute - 60) / 12;

    private static int SlowJobs(int minute) => minute < 60 ? 4 : 1;

    private static bool Observe(StallPredictor stall, int minute, long games, int running)
    {
        stall.Observe(Time.At(60 * minute), games, running);
        return stall.IsStalled;
    }
}
