using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// Runs the kernel's <see cref="Launch"/> and <see cref="Terminate"/> effects as OS processes, off the
/// driver loop. Each job runs in its own process group (started through <c>setsid</c>), so
/// termination reaches its whole tree: SIGTERM to the group, SIGKILL after a grace period. Each
/// launch completes once, with <see cref="ProcessExited"/> (exit code, killed flag, stderr tail) or
/// <see cref="LaunchFailed"/>; a job's result (<see cref="ProcessExited.Output"/>: games, samples, win rate)
/// is the last line it printed on stdout when that is a whole number (for a running selfplay job, its games so far:
/// <see cref="SelfplayGamesWritten"/>, the Games part). Jobs are counted from the handles held here, never by name matching.
/// A leased launch is killed at its lease end by a watchdog of its own (<see cref="ExtendLeases"/>, the Leases part).
/// Each job runs on one GPU of the host (<see cref="Gpus"/>, the Devices part).
/// </summary>
public sealed partial class ProcessJobRunner(
    JobCommandTemplates templates,
    IJobLedger ledger,
    Action<EffectCompleted> complete,
    string nodeId,
    string workingDirectory)
{
    private const int StderrTailChars = 4096;
    private readonly ConcurrentDictionary<JobId, RunningJob> _running = new();

    // Launch and Terminate arrive in the loop's order but run on the thread pool, so a terminate can
    // overtake its launch. Jobs between the two are tracked under one lock so that terminate is never lost.
    private readonly object _registry = new();
    private readonly HashSet<JobId> _starting = new();
    private readonly HashSet<JobId> _terminatedBeforeStart = new();

    /// <summary>How long a terminated job gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan TerminateGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The job processes this host owns now.</summary>
    public int RunningCount => _running.Count;

    public void Launch(Launch launch)
    {
        lock (_registry) _starting.Add(launch.Job.Id);
        _ = Task.Run(() => Start(launch));
    }

    public void Terminate(Terminate terminate) => _ = Task.Run(() => TerminateAsync(terminate));

    private void Start(Launch launch)
    {
        var gpu = TakeGpu(launch.Job.Kind);
        if (Spawn(launch, gpu) is not { } failure) return;
        ReleaseGpu(gpu, launch.Job.Kind);
        FailToStart(launch, failure);
    }

    /// <summary>Starts the job's process on <paramref name="gpu"/>; returns why it could not, or null once it runs.</summary>
    private string? Spawn(Launch launch, int? gpu)
    {
        if (templates.Render(launch.Job, nodeId, gpu) is not { } argv) return $"no command template for {launch.Job.Kind}";
        if (TerminatedBeforeStart(launch.Job.Id)) return "terminated before it started";
        var stderr = new StderrTail(StderrTailChars);
        var stdout = new LastLine();
        var process = new System.Diagnostics.Process { StartInfo = StartInfo(argv, gpu), EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        process.OutputDataReceived += (_, e) => stdout.Set(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            return "cannot start: " + e.Message;
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        ledger.Started(launch.Job, process.Id, UnixProcesses.StartTicks(process.Id) ?? 0);
        if (Register(launch, process, stderr, stdout, gpu) is { } overtaken) _ = KillTreeAsync(overtaken);
        return null;
    }

    /// <summary>Makes the job running, with its lease deadline; returns it when a terminate overtook it while its process started.</summary>
    private RunningJob? Register(Launch launch, System.Diagnostics.Process process, StderrTail stderr, LastLine stdout, int? gpu)
    {
        RunningJob job;
        bool overtaken;
        lock (_registry)
        {
            job = new RunningJob(launch.Job, process, stderr, stdout, LeaseEndOf(launch)) { Gpu = gpu };
            _starting.Remove(job.Job.Id);
            _running[job.Job.Id] = job;
            overtaken = _terminatedBeforeStart.Remove(job.Job.Id);
        }
        _ = WaitForExitAsync(launch.Id, job);
        return overtaken ? job : null;
    }

    private bool TerminatedBeforeStart(JobId job)
    {
        lock (_registry) return _terminatedBeforeStart.Contains(job);
    }

    private void FailToStart(Launch launch, string reason)
    {
        lock (_registry)
        {
            _starting.Remove(launch.Job.Id);
            _terminatedBeforeStart.Remove(launch.Job.Id);
        }
        complete(new EffectCompleted(launch.Id, new LaunchFailed(reason)));
    }

    private ProcessStartInfo StartInfo(System.Collections.Immutable.ImmutableArray<string> argv, int? gpu)
    {
        // setsid makes the job the leader of a new session and process group (its pid is the group id).
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var arg in argv) info.ArgumentList.Add(arg);
        PinTo(info, gpu);
        return info;
    }

    private async Task WaitForExitAsync(EffectId launch, RunningJob job)
    {
        await job.Process.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = job.Process.ExitCode;
        // A process killed by a signal reports 128 + the signal number.
        var killed = job.TerminationRequested || exitCode is 128 + UnixProcesses.SigKill or 128 + UnixProcesses.SigTerm;
        RemoveEnded(job);
        ReleaseGpu(job.Gpu, job.Job.Kind);
        ledger.Ended(job.Job.Id, killed ? "killed" : exitCode == 0 ? "completed" : "failed");
        var tail = job.Stderr.ToString();
        complete(new EffectCompleted(launch, new ProcessExited(exitCode, killed, tail) { Output = job.Stdout.AsCount() }));
        job.MarkEnded();
    }
}
