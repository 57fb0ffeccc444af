using System;
using System.Collections.Concurrent;
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
/// <see cref="LaunchFailed"/>. Jobs are counted from the handles held here, never by name matching.
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

    /// <summary>How long a terminated job gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan TerminateGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The job processes this host owns now.</summary>
    public int RunningCount => _running.Count;

    public void Launch(Launch launch) => _ = Task.Run(() => Start(launch));

    public void Terminate(Terminate terminate) => _ = Task.Run(() => TerminateAsync(terminate));

    private void Start(Launch launch)
    {
        if (templates.Render(launch.Job, nodeId) is not { } argv)
        {
            complete(new EffectCompleted(launch.Id, new LaunchFailed($"no command template for {launch.Job.Kind}")));
            return;
        }
        var stderr = new StderrTail(StderrTailChars);
        var process = new System.Diagnostics.Process { StartInfo = StartInfo(argv), EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        process.OutputDataReceived += static (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            complete(new EffectCompleted(launch.Id, new LaunchFailed("cannot start: " + e.Message)));
            return;
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var job = new RunningJob(launch.Job, process, stderr);
        _running[launch.Job.Id] = job;
        ledger.Started(launch.Job, job.Pid, UnixProcesses.StartTicks(job.Pid) ?? 0);
        _ = WaitForExitAsync(launch.Id, job);
    }

    private ProcessStartInfo StartInfo(System.Collections.Immutable.ImmutableArray<string> argv)
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
        return info;
    }

    private async Task WaitForExitAsync(EffectId launch, RunningJob job)
    {
        await job.Process.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = job.Process.ExitCode;
        // A process killed by a signal reports 128 + the signal number.
        var killed = job.TerminationRequested || exitCode is 128 + UnixProcesses.SigKill or 128 + UnixProcesses.SigTerm;
        _running.TryRemove(job.Job.Id, out _);
        ledger.Ended(job.Job.Id, killed ? "killed" : exitCode == 0 ? "completed" : "failed");
        var tail = job.Stderr.ToString();
        complete(new EffectCompleted(launch, new ProcessExited(exitCode, killed, tail)));
    }
}
