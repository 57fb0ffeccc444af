using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// The selfplay games this host's jobs wrote since boot, for stall detection: a selfplay job prints its
/// cumulative games written as whole-number stdout lines, so its count is its last line
/// (<see cref="LastLine.AsCount"/>, the same reading that gives <see cref="ProcessExited.Output"/>). A job that
/// ends keeps its last count in the total, moved under one lock with its removal from the running set, so a
/// reader never sees a job counted twice or not at all. Until some selfplay job has printed a count there is
/// no total: a command that reports no games must not look stalled (and be healed away).
/// </summary>
public sealed partial class ProcessJobRunner
{
    private readonly object _games = new();
    private long _endedSelfplayGames;
    private bool _selfplayCounted;

    /// <summary>
    /// The last count of every running selfplay job plus those of selfplay jobs that ended since boot;
    /// null until a selfplay job has printed a count (then the host counts no games). Safe from any thread.
    /// </summary>
    public long? SelfplayGamesWritten
    {
        get
        {
            lock (_games)
            {
                var total = _endedSelfplayGames;
                foreach (var job in _running.Values)
                {
                    if (job.Job.Kind != JobKind.Selfplay) continue;
                    total = SaturatingAdd(total, job.Stdout.AsCount());
                    _selfplayCounted |= job.Stdout.Counted;
                }
                return _selfplayCounted ? total : null;
            }
        }
    }

    /// <summary>Takes an ended job out of the running set, its games (when selfplay) into the ended total.</summary>
    private void RemoveEnded(RunningJob job)
    {
        lock (_games)
        {
            _running.TryRemove(job.Job.Id, out _);
            if (job.Job.Kind != JobKind.Selfplay) return;
            _endedSelfplayGames = SaturatingAdd(_endedSelfplayGames, job.Stdout.AsCount());
            _selfplayCounted |= job.Stdout.Counted;
        }
    }

    private static long SaturatingAdd(long total, long count) => total > long.MaxValue - count ? long.MaxValue : total + count;
}
