using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A node's side of dispatch. It reports to the leader it follows (every report interval, and at once
/// when its jobs change), applies that leader's <see cref="JobOrders"/> only if their epoch is at least
/// the highest it has seen (fencing: a deposed leader's orders are refused), launches through the
/// <see cref="LocalJobsMachine"/> and keeps each job's result until a leader acknowledges it. It never
/// dials anyone but its leader, and a NAT-blocked worker hears its orders as answers to its reports.
/// Single-threaded; owned by one kernel.
/// </summary>
public sealed class JobWorkerMachine
{
    private const int ResultsMax = SchedulingConfig.JobsPerMessageMax;
    private readonly SchedulingConfig _config;
    private readonly int _slots;
    private readonly LocalJobsMachine _jobs;
    private readonly Outbox _outbox;
    private readonly List<JobResult> _results = new();
    private NodeId? _leader;
    private long _highestEpoch;
    private bool _dirty;
    private Instant _nextReport = Instant.MaxValue;
    private long _sequence;

    /// <summary><paramref name="incarnation"/> seeds the report sequence so a restarted worker's reports outrank its earlier life's.</summary>
    public JobWorkerMachine(
        SchedulingConfig config, int slots, LocalJobsMachine jobs, Outbox outbox, PipelineSnapshot restored, long incarnation)
    {
        _sequence = checked(incarnation << 32);
        _config = config;
        _slots = slots;
        _jobs = jobs;
        _outbox = outbox;
        Pipeline = restored;
    }

    /// <summary>The newest pipeline snapshot this node has seen (its model generations).</summary>
    public PipelineSnapshot Pipeline { get; private set; }

    /// <summary>The highest leader epoch seen, from the election or from orders: older orders are refused.</summary>
    public long HighestEpoch => _highestEpoch;

    public int UnacknowledgedResults => _results.Count;

    public Instant NextDeadline => _leader is null ? Instant.MaxValue : _nextReport;

    /// <summary>Follows the election's view; reports when due or when something changed.</summary>
    public void Tick(Instant now, NodeId? leader, long leaderEpoch, GpuHealth gpu)
    {
        if (leaderEpoch > _highestEpoch) _highestEpoch = leaderEpoch;
        if (leader != _leader)
        {
            _leader = leader;
            _dirty = true;
        }
        if (leader is not { } to || (!_dirty && now < _nextReport)) return;
        _dirty = false;
        _nextReport = now + _config.ReportInterval;
        // A node without slots, jobs or results has nothing to report or to pull.
        if (_slots == 0 && _jobs.RunningCount == 0 && _results.Count == 0) return;
        _outbox.Send(new Outbound(to, new JobReport(
            ++_sequence, _highestEpoch, gpu, _slots, _jobs.RunningSpecs(), [.. _results], Pipeline)));
    }

    /// <summary>A newer snapshot seen anywhere (a peer's report, this node's own leadership) is adopted.</summary>
    public void Adopt(PipelineSnapshot snapshot)
    {
        if (snapshot.IsNewerThan(Pipeline)) Pipeline = snapshot;
    }

    public void OnOrders(NodeId from, JobOrders orders, GpuHealth gpu)
    {
        if (orders.Epoch < _highestEpoch)
        {
            _outbox.Notify(new OrdersRefused(from, orders.Epoch, orders.Assign.Length, $"stale epoch: {_highestEpoch} seen"));
            _dirty = true;
            return;
        }
        _highestEpoch = orders.Epoch;
        Adopt(orders.Pipeline);
        if (!orders.Acknowledged.IsEmpty) Forget(orders.Acknowledged);
        foreach (var kill in orders.Kill)
            if (_jobs.TryTerminate(kill)) _dirty = true;
        foreach (var job in orders.Assign) Apply(job, orders.Epoch, gpu);
    }

    private void Forget(ImmutableArray<JobId> acknowledged)
    {
        for (var i = _results.Count - 1; i >= 0; i--)
            if (acknowledged.Contains(_results[i].Job.Id)) _results.RemoveAt(i);
    }

    private void Apply(JobSpec job, long epoch, GpuHealth gpu)
    {
        if (_jobs.IsRunning(job.Id)) return;
        _dirty = true;
        var refusal = job.Gpus > 0 && gpu != GpuHealth.Healthy ? "gpu " + gpu
            : _jobs.RunningCount >= _slots ? $"all {_slots} slots are busy"
            : _jobs.TryLaunch(job);
        if (refusal is null) _outbox.Notify(new JobAccepted(job.Id, job.Kind, epoch, _highestEpoch));
        else Record(new JobResult(job, JobOutcome.NeverStarted, 0, refusal));
    }

    /// <summary>A job's process ended: its result is reported until acknowledged.</summary>
    public void OnJobEnded(JobSpec job, EffectOutcome outcome)
    {
        Record(outcome switch
        {
            ProcessExited { Succeeded: true } exited => new JobResult(job, JobOutcome.Succeeded, exited.Output, ""),
            ProcessExited exited => new JobResult(job, JobOutcome.Failed, 0, $"exit {exited.ExitCode}: {exited.StderrTail}"),
            LaunchFailed failed => new JobResult(job, JobOutcome.NeverStarted, 0, failed.Reason),
            _ => new JobResult(job, JobOutcome.Failed, 0, "unexpected outcome"),
        });
    }

    private void Record(JobResult result)
    {
        _dirty = true;
        // Bounded: the oldest unacknowledged result gives way (its job is then judged lost by the leader).
        if (_results.Count >= ResultsMax) _results.RemoveAt(0);
        _results.Add(result);
    }
}
