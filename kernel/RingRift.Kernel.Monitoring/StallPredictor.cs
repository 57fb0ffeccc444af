namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Selfplay that silently stopped, judged against the node's own game rate. Fed one sample per interval
/// (the node's cumulative games written and the selfplay jobs it runs), it keeps the last time the counter
/// moved or selfplay started, and learns the node's process-time per game: between consecutive samples
/// while selfplay runs, each running job adds the interval to the silent span's process-time, and when the
/// counter moves that span and its games are credited to the estimate (a span that ended in a stall only
/// up to the bound it broke: a long hang says nothing about the node's rate). The estimate is a decayed
/// pair — both halves halve once it holds more than <see cref="GamesRemembered"/> games — a long-run mean
/// of the node's configs. A sample without a game count is not fed (the caller skips it).
/// The node is stalled when selfplay runs and no game was written for the bound: <c>stall_after</c>
/// until <see cref="GamesToLearn"/> games were learned, then
/// max(<c>stall_after</c>, <see cref="RateMultiple"/> × process-time per game / jobs running now).
/// Clears as soon as the counter moves or no selfplay runs. Integers only, no allocation per sample.
/// </summary>
public sealed class StallPredictor(Duration stallAfter)
{
    /// <summary>
    /// Four times the expected wait for one game: a node's estimate mixes its configs, and the slowest config
    /// (square19 4-player) writes a game about three times slower than a mix that gives every config the same
    /// process-time (the simulator's table: 1 / 0.1625 against 1 / 0.50), so three would sit on the edge.
    /// </summary>
    public const int RateMultiple = 4;

    /// <summary>Games credited before the estimate is trusted; until then <c>stall_after</c> alone.</summary>
    public const int GamesToLearn = 10;

    /// <summary>
    /// The estimate halves (games and process-time) once it holds more games than this: a long-run mean (about a
    /// day of a consumer GPU's games), which a burst of one fast config cannot pull down in an hour or two as a
    /// short memory would (then a lone slow job after the burst looked stalled), yet bounded on a host that runs
    /// for months.
    /// </summary>
    public const int GamesRemembered = 4096;

    private bool _sampled;
    private Instant _lastAt;
    private long _lastGames;
    private int _lastRunning;
    private Instant _lastMoved;
    private Duration _silentProcessTime;
    private long _learnedGames;
    private Duration _learnedProcessTime;

    public bool IsStalled { get; private set; }

    /// <summary>Games credited to the estimate (decayed).</summary>
    public long LearnedGames => _learnedGames;

    /// <summary>How long selfplay with <paramref name="running"/> jobs may write no game before it is stalled.</summary>
    public Duration Bound(int running)
    {
        if (_learnedGames < GamesToLearn || running <= 0) return stallAfter;
        var expected = Duration.FromMicros(_learnedProcessTime.Micros / checked(_learnedGames * running));
        return Duration.Max(stallAfter, expected * RateMultiple);
    }

    public void Observe(Instant now, long games, int running)
    {
        if (!_sampled)
        {
            Remember(now, games, running);
            _lastMoved = now;
            _sampled = true;
            return;
        }
        _silentProcessTime += (now - _lastAt) * _lastRunning;
        if (games != _lastGames) OnCounterMoved(now, games - _lastGames);
        else if (running > 0 && _lastRunning == 0) StartSpan(now);
        Remember(now, games, running);
        IsStalled = running > 0 && now - _lastMoved >= Bound(running);
    }

    private void OnCounterMoved(Instant now, long written)
    {
        // A counter that went back (a host restart) is a move, but no evidence of the rate; nor are games
        // written while no job ran at the previous sample (no process-time to set against them).
        if (written > 0 && _silentProcessTime > Duration.Zero) Learn(written, Credited());
        StartSpan(now);
    }

    /// <summary>
    /// A span that ended in a stall is credited only up to the bound it broke: a long hang says nothing of the
    /// node's rate, yet a slow node alerted before it learned still learns (and its bound grows to its rate).
    /// </summary>
    private Duration Credited() =>
        IsStalled ? Duration.Min(_silentProcessTime, Bound(_lastRunning) * _lastRunning) : _silentProcessTime;

    private void Learn(long games, Duration processTime)
    {
        _learnedGames = checked(_learnedGames + games);
        _learnedProcessTime += processTime;
        while (_learnedGames > GamesRemembered)
        {
            _learnedGames /= 2;
            _learnedProcessTime /= 2;
        }
    }

    private void StartSpan(Instant now)
    {
        _lastMoved = now;
        _silentProcessTime = Duration.Zero;
    }

    private void Remember(Instant now, long games, int running)
    {
        _lastAt = now;
        _lastGames = games;
        _lastRunning = running;
    }
}
