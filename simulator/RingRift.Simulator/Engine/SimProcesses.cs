using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A node's simulated processes and GPUs. A launched job runs for its modelled runtime, stretched
/// by a straggling GPU; launches can fail, exit early or be OOM-killed with the configured
/// probabilities; a failed GPU ends its jobs, a hung one freezes them until they are terminated.
/// Each outcome is scheduled as a <see cref="ProcessEnd"/>; ends of processes already gone are stale.
/// A leased job is killed when the node's clock passes its lease end (<see cref="Launch.LeaseEnd"/>,
/// moved by <see cref="ExtendLeases"/>): this process layer keeps time while the daemon is paused.
/// </summary>
internal sealed class SimProcesses(Prng prng)
{
    private static readonly Duration LaunchFailureDelay = Duration.FromMillis(100);
    private static readonly Duration KillDelay = Duration.FromMillis(50);
    private static readonly ProcessExited LeaseKill = new(137, true, "killed: work lease deadline passed");

    /// <summary>How a job killed on the kernel's order ends (<see cref="Terminate"/>).</summary>
    public static readonly ProcessExited Terminated = new(137, true, "terminated");
    private readonly SortedDictionary<JobId, (long Serial, EffectId Launch, bool OnGpu, Instant? LeaseEnd)> _running = new();
    private long _nextSerial = 1;
    private int _slowdownPercent = 100;
    private Ratio _launchFailure, _earlyExit, _outOfMemory;

    public GpuHealth Gpu { get; private set; } = GpuHealth.Healthy;
    public int RunningCount => _running.Count;

    public bool IsRunning(JobId job) => _running.ContainsKey(job);

    public void SetFaults(Ratio launchFailure, Ratio earlyExit, Ratio outOfMemory)
    {
        _launchFailure = launchFailure;
        _earlyExit = earlyExit;
        _outOfMemory = outOfMemory;
    }

    /// <summary>Applies a GPU fault; returns the processes it ended (fail-stop) for the caller to complete.</summary>
    public List<ProcessEnd> SetGpu(GpuFaultKind fault, int slowdownPercent)
    {
        var ended = new List<ProcessEnd>();
        switch (fault)
        {
            case GpuFaultKind.FailStop:
                Gpu = GpuHealth.Failed;
                foreach (var (job, run) in _running)
                    if (run.OnGpu)
                        ended.Add(new ProcessEnd(run.Serial, run.Launch, job, new ProcessExited(1, false, "CUDA error: device lost"), Forced: true));
                foreach (var end in ended) _running.Remove(end.Job);
                break;
            case GpuFaultKind.Hang: Gpu = GpuHealth.Hung; FreezeGpuJobs(); break;
            case GpuFaultKind.Misdetected: Gpu = GpuHealth.Misdetected; break;
            case GpuFaultKind.Straggler: _slowdownPercent = slowdownPercent; break;
            case GpuFaultKind.Recover: Gpu = GpuHealth.Healthy; _slowdownPercent = 100; break;
        }
        return ended;
    }

    /// <summary>Starts a job; returns when and how it ends, or null if it hangs until terminated.</summary>
    public (long At, ProcessEnd End)? Launch(long now, Launch launch, Duration runtime)
    {
        var serial = _nextSerial++;
        var job = launch.Job;
        if (job.Gpus > 0 && Gpu is GpuHealth.Failed or GpuHealth.Misdetected)
            return (now + LaunchFailureDelay.Micros, new ProcessEnd(serial, launch.Id, job.Id, new LaunchFailed("no usable GPU"), Forced: true));
        if (_launchFailure.Sample(prng))
            return (now + LaunchFailureDelay.Micros, new ProcessEnd(serial, launch.Id, job.Id, new LaunchFailed("exec failed"), Forced: true));
        _running.Add(job.Id, (serial, launch.Id, job.Gpus > 0, launch.LeaseEnd));
        if (job.Gpus > 0 && Gpu == GpuHealth.Hung) return null;
        var duration = job.Gpus > 0 ? runtime.Micros * _slowdownPercent / 100 : runtime.Micros;
        return ScheduleExit(now, serial, launch.Id, job.Id, duration);
    }

    /// <summary>Kills the job if it runs; returns its end (exit 137, killed) or null if it was not running.</summary>
    public (long At, ProcessEnd End)? Terminate(long now, JobId job)
    {
        if (!_running.Remove(job, out var run)) return null;
        return (now + KillDelay.Micros, new ProcessEnd(run.Serial, run.Launch, job, Terminated, Forced: true));
    }

    /// <summary>The earliest lease end of the running jobs, on the node's clock; null when none is leased.</summary>
    public Instant? NextLeaseEnd()
    {
        Instant? next = null;
        foreach (var run in _running.Values)
            if (run.LeaseEnd is { } end && (next is null || end < next)) next = end;
        return next;
    }

    /// <summary>
    /// Moves the lease end of the leased jobs to <paramref name="until"/>, never earlier; a job whose lease
    /// end the clock (<paramref name="clock"/>) already reached is not revived: its kill is due.
    /// </summary>
    public void ExtendLeases(Instant clock, Instant until)
    {
        List<JobId>? extended = null;
        foreach (var (job, run) in _running)
            if (run.LeaseEnd is { } end && end > clock && end < until) (extended ??= new()).Add(job);
        if (extended is null) return;
        foreach (var job in extended) _running[job] = _running[job] with { LeaseEnd = until };
    }

    /// <summary>Kills the jobs whose lease end the clock reached; returns their ends (exit 137, killed).</summary>
    public List<(long At, ProcessEnd End)> KillLapsed(long now, Instant clock)
    {
        var lapsed = new List<JobId>();
        foreach (var (job, run) in _running)
            if (run.LeaseEnd is { } end && end <= clock) lapsed.Add(job);
        var ended = new List<(long, ProcessEnd)>(lapsed.Count);
        foreach (var job in lapsed)
        {
            _running.Remove(job, out var run);
            ended.Add((now + KillDelay.Micros, new ProcessEnd(run.Serial, run.Launch, job, LeaseKill, Forced: true)));
        }
        return ended;
    }

    /// <summary>True when the end is current (the process was still running) and removes it.</summary>
    public bool TryFinish(ProcessEnd end)
    {
        if (end.Forced) return true;
        if (!_running.TryGetValue(end.Job, out var run) || run.Serial != end.Serial) return false;
        _running.Remove(end.Job);
        return true;
    }

    /// <summary>Every process dies with the node.</summary>
    public void Crash() => _running.Clear();

    /// <summary>A hung GPU's running jobs make no progress: a fresh serial makes their scheduled natural ends stale.</summary>
    private void FreezeGpuJobs()
    {
        var frozen = new List<JobId>();
        foreach (var (job, run) in _running)
            if (run.OnGpu) frozen.Add(job);
        foreach (var job in frozen) _running[job] = _running[job] with { Serial = _nextSerial++ };
    }

    private (long At, ProcessEnd End) ScheduleExit(long now, long serial, EffectId launch, JobId job, long durationMicros)
    {
        if (_outOfMemory.Sample(prng))
            return (now + Fraction(durationMicros), new ProcessEnd(serial, launch, job, new ProcessExited(137, true, "Out of memory: killed process"), Forced: false));
        if (_earlyExit.Sample(prng))
            return (now + Fraction(durationMicros), new ProcessEnd(serial, launch, job, new ProcessExited(1, false, "exited early"), Forced: false));
        return (now + durationMicros, new ProcessEnd(serial, launch, job, new ProcessExited(0, false, ""), Forced: false));
    }

    private long Fraction(long durationMicros) => durationMicros <= 1 ? durationMicros : prng.NextInRange(1, durationMicros);
}
