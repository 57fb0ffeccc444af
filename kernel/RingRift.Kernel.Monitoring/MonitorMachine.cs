using System.Collections.Immutable;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Predictive monitoring on one node. Every sample interval it adds the node's own samples to sliding
/// windows and decides, per <see cref="AlertKind"/>, whether an alert about this node is active:
/// disk and memory by <see cref="LevelPredictor"/> (alerting before the threshold is crossed), selfplay
/// by <see cref="StallPredictor"/> (no game for a bound that follows the node's own game rate), the
/// heartbeat delay to the leader by <see cref="LevelPredictor"/> over its own shorter horizon, and on the
/// leader the pending queue. At most one alert is active
/// per kind (so per (node, kind) cluster-wide); raising and clearing each emit one notice, and an alert
/// that stays active is announced again at most once per reminder interval. Single-threaded; owned by
/// one kernel.
/// </summary>
public sealed class MonitorMachine
{
    private readonly MonitoringConfig _config;
    private readonly NodeId _self;
    private readonly Outbox _outbox;
    private readonly SampleWindow _disk, _memory, _pending, _delay;
    private readonly StallPredictor _stall;
    private readonly ActiveAlert?[] _active = new ActiveAlert?[AlertKinds.Count];
    private Instant _nextSample;

    public MonitorMachine(MonitoringConfig config, NodeId self, Outbox outbox, Instant now)
    {
        _config = config;
        _self = self;
        _outbox = outbox;
        _disk = new SampleWindow(config.WindowSamples);
        _memory = new SampleWindow(config.WindowSamples);
        _stall = new StallPredictor(config.StallAfter);
        _pending = new SampleWindow(config.WindowSamples);
        _delay = new SampleWindow(config.WindowSamples);
        _nextSample = now + config.SampleInterval;
    }

    public Instant NextDeadline => _nextSample;

    /// <summary>Grows whenever the active set or a level changes; for the status cache.</summary>
    public long Version { get; private set; }

    public HealthCounter Health { get; } = new("predictive_monitoring");

    /// <summary>One bit per active <see cref="AlertKind"/>.</summary>
    public int ActiveMask { get; private set; }

    public int ActiveCount => System.Numerics.BitOperations.PopCount((uint)ActiveMask);

    /// <summary>The active alerts' levels in kind order, one per bit of <see cref="ActiveMask"/> (what an <see cref="AlertReport"/> carries).</summary>
    public ImmutableArray<long> ActiveLevels()
    {
        if (ActiveMask == 0) return [];
        var levels = ImmutableArray.CreateBuilder<long>(ActiveCount);
        foreach (var alert in _active)
            if (alert is not null) levels.Add(alert.Level);
        return levels.MoveToImmutable();
    }

    public void Tick(Instant now, MonitorSample sample)
    {
        if (now < _nextSample) return;
        _nextSample = now + _config.SampleInterval;
        Health.Cycle(now);
        Version++;
        // Zero means "not sampled" (a host without the figure, or a sample of the GPUs alone): it is neither
        // added to the trend nor judged, so one missing figure cannot fake a rise from 0 % to the real level.
        DecideSampledLevel(now, AlertKind.DiskFilling, _disk, sample.DiskUsed, _config.DiskUsedMax, _config.DiskUsedClear);
        DecideSampledLevel(now, AlertKind.MemoryGrowing, _memory, sample.MemoryUsed, _config.MemoryUsedMax, _config.MemoryUsedClear);
        DecideStall(now, sample.GamesWritten, sample.SelfplayRunning);
        // Only the leader holds the queue: a node that stopped leading forgets its trend and its alert.
        DecideOptional(now, AlertKind.QueueGrowing, _pending, sample.PendingJobs, _config.PendingJobsMax, _config.PendingJobsClear, _config.Horizon);
        // In milliseconds; the leader itself, or a node that has not timed a round trip yet, has none.
        DecideOptional(now, AlertKind.HeartbeatDelayRising, _delay, sample.HeartbeatDelay?.WholeMillis,
            _config.HeartbeatDelayMax.WholeMillis, _config.HeartbeatDelayClear.WholeMillis,
            _config.HeartbeatDelayHorizon);
    }

    /// <summary>The active alerts, in kind order, for /status and /alerts.</summary>
    public ImmutableArray<ActiveAlertView> Active()
    {
        if (ActiveMask == 0) return [];
        var views = ImmutableArray.CreateBuilder<ActiveAlertView>();
        for (var k = 0; k < _active.Length; k++)
            if (_active[k] is { } alert) views.Add(new ActiveAlertView(_self, AlertKinds.Name((AlertKind)k), alert.Level, alert.Since));
        return views.ToImmutable();
    }

    public MachineHealth Report() => Health.Report(ActiveMask == 0, ActiveMask == 0 ? "no active alerts" : $"{ActiveCount} active alerts");

    /// <summary>
    /// A sample without a game count (a host that counts none, or a sample of the GPUs alone) is not sampled:
    /// neither judged nor learned from, so a GPU fault's sample cannot wipe the node's learned rate.
    /// </summary>
    private void DecideStall(Instant now, long? gamesWritten, int selfplayRunning)
    {
        if (gamesWritten is not { } games) return;
        _stall.Observe(now, games, selfplayRunning);
        Set(now, AlertKind.SelfplayStalled, _stall.IsStalled, games, null);
    }

    private void DecideSampledLevel(Instant now, AlertKind kind, SampleWindow window, Ratio used, Ratio max, Ratio clear)
    {
        if (used == Ratio.Zero) return;
        window.Add(now, used.BasisPoints);
        DecideLevel(now, kind, window, max.BasisPoints, clear.BasisPoints, _config.Horizon);
    }

    /// <summary>A level that is sometimes not there: then its trend is forgotten and its alert cleared.</summary>
    private void DecideOptional(Instant now, AlertKind kind, SampleWindow window, long? level, long max, long clear, Duration horizon)
    {
        if (level is { } value)
        {
            window.Add(now, value);
            DecideLevel(now, kind, window, max, clear, horizon);
            return;
        }
        window.Clear();
        Set(now, kind, false, 0, null);
    }

    private void DecideLevel(Instant now, AlertKind kind, SampleWindow window, long max, long clear, Duration horizon)
    {
        var active = _active[(int)kind] is not null;
        var should = LevelPredictor.ShouldBeActive(window, max, clear, horizon, active, out var eta);
        Set(now, kind, should, window.Latest, eta);
    }

    private void Set(Instant now, AlertKind kind, bool should, long level, Duration? eta)
    {
        var current = _active[(int)kind];
        if (should && current is null)
        {
            _active[(int)kind] = new ActiveAlert(now, level);
            ActiveMask |= AlertKinds.Bit(kind);
            _outbox.Notify(new AlertRaised(_self, kind, level, eta));
        }
        else if (!should && current is not null)
        {
            _active[(int)kind] = null;
            ActiveMask &= ~AlertKinds.Bit(kind);
            _outbox.Notify(new AlertCleared(_self, kind, level, now - current.Since));
        }
        else if (current is not null)
        {
            current.Level = level;
            if (now - current.LastAnnounced < _config.ReminderInterval) return;
            current.LastAnnounced = now;
            _outbox.Notify(new AlertStillActive(_self, kind, level, now - current.Since));
        }
    }
}
