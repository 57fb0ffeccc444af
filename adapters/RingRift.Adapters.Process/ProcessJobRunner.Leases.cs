using System;
using System.Threading;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// The work-lease watchdog: each leased job is killed (SIGKILL to its group) once the host's monotonic
/// clock passes its deadline (<see cref="Launch.LeaseEnd"/>, moved by <see cref="ExtendJobLeases"/>).
/// It runs on its own timer, off the driver loop, so a stalled loop or a paused kernel that can no
/// longer renew the lease cannot keep a job running past it. It does not help when this whole process
/// is frozen (SIGSTOP, a suspended VM), nor when the thread pool is starved for longer than the margin.
/// </summary>
public sealed partial class ProcessJobRunner : IDisposable
{
    private const string LeaseKillNote = "killed: work lease deadline passed";
    private long _extendedToMicros = long.MinValue;
    private Timer? _watchdog;

    /// <summary>
    /// The host's monotonic clock, the one the kernel's instants are read from (lease ends are instants
    /// on it). Without it leased launches are not watched.
    /// </summary>
    public Func<Instant>? LeaseClock { get; init; }

    /// <summary>How often the watchdog compares the clock with the lease ends: part of the kill latency.</summary>
    public TimeSpan LeaseCheckPeriod { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many jobs the watchdog killed at their lease end.</summary>
    public long LeaseKills => Interlocked.Read(ref _leaseKills);

    private long _leaseKills;

    public void ExtendLeases(ExtendJobLeases extend)
    {
        lock (_registry)
        {
            if (extend.Until.Micros > _extendedToMicros) _extendedToMicros = extend.Until.Micros;
            if (LeaseClock is { } clock)
            {
                var now = clock();
                foreach (var job in _running.Values) job.ExtendLease(now, extend.Until);
            }
        }
        complete(new EffectCompleted(extend.Id, JobLeasesExtended.Instance));
    }

    public void Dispose() => Interlocked.Exchange(ref _watchdog, null)?.Dispose();

    /// <summary>
    /// The deadline a job registers with (called under the registry lock): its launch's lease end, or a
    /// later extension issued while it started; an extension never exceeds the kernel's current lease.
    /// </summary>
    private long LeaseEndOf(Launch launch)
    {
        if (launch.LeaseEnd is not { } end || LeaseClock is null) return long.MaxValue;
        StartWatchdog();
        return Math.Max(end.Micros, _extendedToMicros);
    }

    private void StartWatchdog()
    {
        if (_watchdog is not null) return;
        _watchdog = new Timer(_ => KillLapsed(), null, LeaseCheckPeriod, LeaseCheckPeriod);
    }

    private void KillLapsed()
    {
        var now = LeaseClock!();
        foreach (var job in _running.Values)
            if (job.LeaseLapsed(now) && job.ClaimLeaseKill()) KillNow(job);
    }

    /// <summary>No grace period: the lease is over, and the job must be gone within the kill latency.</summary>
    private void KillNow(RunningJob job)
    {
        Interlocked.Increment(ref _leaseKills);
        job.MarkTerminationRequested();
        job.Stderr.Append(LeaseKillNote);
        ForceKill(job);
    }
}
