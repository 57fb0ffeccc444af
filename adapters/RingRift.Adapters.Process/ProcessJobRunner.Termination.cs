using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

public sealed partial class ProcessJobRunner
{
    private static readonly TimeSpan EndRecordWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Kills every job this host owns (shutdown), waiting at most the grace period plus a little for each,
    /// and for each killed job's end to be recorded (its ledger row closed) before the ledger may close.
    /// </summary>
    public Task TerminateAllAsync()
    {
        var waits = new List<Task>();
        foreach (var job in _running.Values) waits.Add(KillAndRecordAsync(job));
        return Task.WhenAll(waits);
    }

    private async Task KillAndRecordAsync(RunningJob job)
    {
        await KillTreeAsync(job).ConfigureAwait(false);
        try
        {
            await job.Ended.WaitAsync(EndRecordWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The process outlived SIGKILL's wait: its row stays and the next boot kills it as an orphan.
        }
    }

    /// <summary>
    /// Kills the processes of the previous run that are still alive: those recorded as running whose
    /// pid still has the recorded start time (a recycled pid does not). Returns how many were killed.
    /// </summary>
    public static int KillOrphans(IJobLedger ledger)
    {
        var killed = 0;
        foreach (var owned in ledger.Running())
        {
            var alive = UnixProcesses.StartTicks(owned.Pid) is { } ticks && ticks == owned.StartTicks;
            if (alive)
            {
                UnixProcesses.SignalGroup(owned.Pid, UnixProcesses.SigKill);
                UnixProcesses.Signal(owned.Pid, UnixProcesses.SigKill);
                killed++;
            }
            ledger.Ended(new JobId(owned.JobId), alive ? "orphan_killed" : "lost");
        }
        return killed;
    }

    private async Task TerminateAsync(Terminate terminate)
    {
        if (RunningOrMarkPending(terminate.Job) is { } job) await KillTreeAsync(job).ConfigureAwait(false);
        complete(new EffectCompleted(terminate.Id, Terminated.Instance));
    }

    /// <summary>The running job; or, for a job still starting, a note that kills it as soon as it registers.</summary>
    private RunningJob? RunningOrMarkPending(JobId id)
    {
        lock (_registry)
        {
            if (_running.TryGetValue(id, out var job)) return job;
            if (_starting.Contains(id)) _terminatedBeforeStart.Add(id);
            return null;
        }
    }

    private async Task KillTreeAsync(RunningJob job)
    {
        job.MarkTerminationRequested();
        UnixProcesses.SignalGroup(job.Pid, UnixProcesses.SigTerm);
        if (await ExitsWithin(job, TerminateGrace).ConfigureAwait(false)) return;
        ForceKill(job);
        await ExitsWithin(job, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    /// <summary>SIGKILL to the job's group, and to its tree as the runtime sees it (children that left the group).</summary>
    private static void ForceKill(RunningJob job)
    {
        UnixProcesses.SignalGroup(job.Pid, UnixProcesses.SigKill);
        try
        {
            job.Process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static async Task<bool> ExitsWithin(RunningJob job, TimeSpan limit)
    {
        try
        {
            await job.Process.WaitForExitAsync().WaitAsync(limit).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
