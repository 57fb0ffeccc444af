using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// A job process this host started and still owns: the handle its count is taken from. A leased job
/// carries its kill deadline (<see cref="Launch.LeaseEnd"/>, in microseconds of the host's monotonic
/// clock; <see cref="long.MaxValue"/> when unleased), read by the lease watchdog off the driver loop.
/// </summary>
internal sealed class RunningJob(JobSpec job, System.Diagnostics.Process process, StderrTail stderr, LastLine stdout, long leaseEndMicros)
{
    private int _terminationRequested;
    private int _leaseKilled;
    private long _leaseEndMicros = leaseEndMicros;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JobSpec Job { get; } = job;
    public System.Diagnostics.Process Process { get; } = process;
    public StderrTail Stderr { get; } = stderr;
    public LastLine Stdout { get; } = stdout;
    public int Pid { get; } = process.Id;

    /// <summary>The GPU the job runs on (<see cref="GpuAssigner"/>); null on a host without GPUs.</summary>
    public int? Gpu { get; init; }

    /// <summary>
    /// Completes once the job's end is fully handled (ledger row closed, kernel told) — later than the
    /// process's own exit, which is what a shutdown must wait for before it closes the ledger.
    /// </summary>
    public Task Ended => _ended.Task;

    public void MarkEnded() => _ended.TrySetResult();

    public bool TerminationRequested => Volatile.Read(ref _terminationRequested) == 1;

    public bool LeaseKilled => Volatile.Read(ref _leaseKilled) == 1;

    public void MarkTerminationRequested() => Volatile.Write(ref _terminationRequested, 1);

    /// <summary>True when the clock reached the lease end.</summary>
    public bool LeaseLapsed(Instant now) => now.Micros >= Volatile.Read(ref _leaseEndMicros);

    /// <summary>Claims the lease kill; true only for the first caller.</summary>
    public bool ClaimLeaseKill() => Interlocked.Exchange(ref _leaseKilled, 1) == 0;

    /// <summary>Moves a leased job's deadline later, unless it has already passed (its kill is due: never revived).</summary>
    public void ExtendLease(Instant now, Instant until)
    {
        var current = Volatile.Read(ref _leaseEndMicros);
        if (current == long.MaxValue || current <= now.Micros || current >= until.Micros) return;
        Interlocked.CompareExchange(ref _leaseEndMicros, until.Micros, current);
    }
}
