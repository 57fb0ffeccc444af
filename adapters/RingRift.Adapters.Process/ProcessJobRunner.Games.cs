using System.Threading;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// The selfplay games this host's jobs wrote since boot, for stall detection: a selfplay job prints its
/// cumulative games written as whole-number stdout lines, so its count is its last line
/// (<see cref="LastLine.AsCount"/>, the same reading that gives <see cref="ProcessExited.Output"/>). A job that
/// ends keeps its last count in the total, moved under one lock with its removal from the running set, so a
/// reader never sees a job counted twice or not at all.
/// </summary>
public sealed partial class ProcessJobRunner
{
    private readonly object _games = new();
    private long _endedSelfplayGames;
    private int _selfplayStarted;

    /// <summary>
    /// The last count of every running selfplay job plus those of selfplay jobs that ended since boot;
    /// null until a selfplay job has started (then the host counts no games). Safe from any thread.
    /// </summary>
    public long? SelfplayGamesWritten
    {
        get
        {
            if (Volatile.Read(ref _selfplayStarted) == 0) return null;
            lock (_games)
            {
                var total = _endedSelfplayGames;
                foreach (var job in _running.Values)
                    if (job.Job.Kind == JobKind.Selfplay) total = SaturatingAdd(total, job.Stdout.AsCount());
                return total;
            }
        }
    }

    private void MarkStarted(JobSpec job)
    {
        if (job.Kind == JobKind.Selfplay) Volatile.Write(ref _selfplayStarted, 1);
    }

    /// <summary>Takes an ended job out of the running set, its games (when selfplay) into the ended total.</summary>
    private void RemoveEnded(RunningJob job)
    {
        lock (_games)
        {
            _running.TryRemove(job.Job.Id, out _);
            if (job.Job.Kind == JobKind.Selfplay) _endedSelfplayGames = SaturatingAdd(_endedSelfplayGames, job.Stdout.AsCount());
        }
    }

    private static long SaturatingAdd(long total, long count) => total > long.MaxValue - count ? long.MaxValue : total + count;
}
