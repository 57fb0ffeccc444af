using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// The jobs running on this node, counted from the launches this kernel issued (never from a
/// process scan). Launches beyond <c>slotsMax</c> or of a job already running are refused.
/// Each launch's single completion removes the job.
/// </summary>
public sealed class LocalJobsMachine(int slotsMax, Outbox outbox)
{
    private readonly Dictionary<EffectId, JobSpec> _byLaunch = new();
    private readonly SortedDictionary<JobId, EffectId> _running = new();
    private readonly HashSet<EffectId> _terminations = new();
    private readonly HashSet<JobId> _terminating = new();
    private int _selfplay, _training, _gauntlet;
    private ImmutableArray<JobSpec> _specs = [];
    private int _specsVersion = -1;

    public int RunningCount => _running.Count;

    /// <summary>Increases whenever the set of running jobs changes.</summary>
    public int Version { get; private set; }

    public NodeLoad LoadWith(ResourceSample resources) => new(_selfplay, _training, _gauntlet, resources);

    public bool IsRunning(JobId job) => _running.ContainsKey(job);

    /// <summary>The dispatch slots the running jobs take on a node of <paramref name="capacity"/>.</summary>
    public int SlotsTaken(Jobs.NodeCapacity capacity) =>
        _selfplay + _gauntlet + _training * capacity.SlotsTaken(JobKind.Training);

    /// <summary>The running jobs in id order; rebuilt only when the set changed.</summary>
    public ImmutableArray<JobSpec> RunningSpecs()
    {
        if (_specsVersion == Version) return _specs;
        var specs = ImmutableArray.CreateBuilder<JobSpec>(_running.Count);
        foreach (var launch in _running.Values) specs.Add(_byLaunch[launch]);
        _specs = specs.MoveToImmutable();
        _specsVersion = Version;
        return _specs;
    }

    /// <summary>
    /// Launches a job the scheduler assigned, to be killed by the process layer when this node's clock
    /// passes <paramref name="leaseEnd"/> unless extended; returns why not, or null when launched.
    /// </summary>
    public string? TryLaunch(JobSpec job, Instant leaseEnd)
    {
        if (_running.ContainsKey(job.Id)) return $"job {job.Id} is already running";
        if (_running.Count >= slotsMax) return $"all {slotsMax} job slots are busy";
        Start(job, leaseEnd);
        return null;
    }

    /// <summary>Moves the kill deadline of the leased jobs running here to <paramref name="until"/> (a lease renewal).</summary>
    public void ExtendLeases(Instant until) => outbox.Issue(new ExtendJobLeases(outbox.NextEffectId(), until));

    /// <summary>
    /// Kills a running job's process tree; false when it does not run here or is already being killed
    /// (a kill repeated in every order until the job is gone asks for nothing new).
    /// </summary>
    public bool TryTerminate(JobId job)
    {
        if (!_running.ContainsKey(job) || !_terminating.Add(job)) return false;
        var terminate = new Terminate(outbox.NextEffectId(), job);
        outbox.Issue(terminate);
        _terminations.Add(terminate.Id);
        return true;
    }

    private void Start(JobSpec job, Instant? leaseEnd)
    {
        var launch = new Launch(outbox.NextEffectId(), job, leaseEnd);
        outbox.Issue(launch);
        _byLaunch.Add(launch.Id, job);
        _running.Add(job.Id, launch.Id);
        Count(job.Kind, +1);
        outbox.Notify(new JobLaunched(job.Id, job.Kind, job.Config));
    }

    public void OnLaunch(RequestId request, LaunchJob command)
    {
        var job = command.Job;
        if (_running.ContainsKey(job.Id))
        {
            outbox.Answer(new Reply(request, false, $"job {job.Id} is already running"));
            return;
        }
        if (_running.Count >= slotsMax)
        {
            outbox.Answer(new Reply(request, false, $"all {slotsMax} job slots are busy"));
            return;
        }
        Start(job, leaseEnd: null);
        outbox.Answer(new Reply(request, true, $"launched {job.Id}"));
    }

    public void OnTerminate(RequestId request, TerminateJob command)
    {
        if (!_running.ContainsKey(command.Job))
        {
            outbox.Answer(new Reply(request, false, $"job {command.Job} is not running here"));
            return;
        }
        TryTerminate(command.Job);
        outbox.Answer(new Reply(request, true, $"terminating {command.Job}"));
    }

    /// <summary>True when the completion belonged to one of this machine's effects.</summary>
    public bool OnCompleted(EffectId effect, EffectOutcome outcome, out JobSpec? ended)
    {
        ended = null;
        if (outcome is JobLeasesExtended || _terminations.Remove(effect)) return true;
        if (!_byLaunch.Remove(effect, out var job)) return false;
        ended = job;
        _running.Remove(job.Id);
        _terminating.Remove(job.Id);
        Count(job.Kind, -1);
        outbox.Notify(outcome switch
        {
            ProcessExited exited => new JobExited(job.Id, exited.ExitCode, exited.Killed),
            LaunchFailed failed => new JobLaunchFailed(job.Id, failed.Reason),
            _ => new JobLaunchFailed(job.Id, "unexpected outcome " + outcome.GetType().Name),
        });
        return true;
    }

    private void Count(JobKind kind, int delta)
    {
        Version++;
        switch (kind)
        {
            case JobKind.Selfplay: _selfplay += delta; break;
            case JobKind.Training: _training += delta; break;
            default: _gauntlet += delta; break;
        }
        Invariant.True(_selfplay >= 0 && _training >= 0 && _gauntlet >= 0);
    }
}
