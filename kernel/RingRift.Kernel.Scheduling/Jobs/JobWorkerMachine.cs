using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A node's side of dispatch. It reports to the leader it follows (every report interval, and at once
/// when its jobs change), applies that leader's <see cref="JobOrders"/> only if their epoch is at least
/// the highest it has seen (fencing: a deposed leader's orders are refused), launches through the
/// <see cref="LocalJobsMachine"/> and keeps each job's result until a leader acknowledges it. It never
/// dials anyone but its leader, and a NAT-blocked worker hears its orders as answers to its reports.
/// It fences itself: it holds its jobs only within a work lease renewed by answers to its reports, and
/// kills them itself when the lease lapses (<see cref="Fence"/>, <see cref="WorkLeaseMath"/>), before a
/// leader that stopped hearing it retries them elsewhere. The lease end also travels with each launch
/// and each renewal (<see cref="Kernel.Launch.LeaseEnd"/>, <see cref="ExtendJobLeases"/>), so the process
/// layer kills the jobs at the lease end even while this machine cannot run (a paused daemon). It journals durably every job it launched for a
/// leader until a leader acknowledges its end, so that after a crash it reports each execution that died
/// with it (<see cref="JobOutcome.DiedWithNode"/>) even when the book that held it died too.
/// Single-threaded; owned by one kernel.
/// </summary>
public sealed partial class JobWorkerMachine
{
    private const int ResultsMax = SchedulingConfig.JobsPerMessageMax;
    private readonly SchedulingConfig _config;
    private readonly NodeCapacity _capacity;
    private readonly LocalJobsMachine _jobs;
    private readonly Outbox _outbox;
    private readonly List<JobResult> _results = new();
    private NodeId? _leader;
    private long _highestEpoch;
    private bool _dirty;
    private Instant _nextReport = Instant.MaxValue;
    private long _sequence;
    private readonly (long Sequence, Instant SentAt)[] _sent = new (long, Instant)[SentRemembered];
    private const int SentRemembered = 8;
    private readonly HashSet<JobId> _held = new();
    private readonly HashSet<JobId> _fenced = new();
    private Instant _leaseUntil = Instant.Zero;
    private Instant _renewedAt = Instant.Zero;
    private readonly OrdersWindow _orders;

    /// <summary>
    /// <paramref name="incarnation"/> seeds the report sequence so a restarted worker's reports outrank its
    /// earlier life's. With a <paramref name="store"/>, the jobs journaled by the earlier life are reported
    /// as having died with the node, and the journal is kept there.
    /// </summary>
    public JobWorkerMachine(
        SchedulingConfig config, NodeCapacity capacity, LocalJobsMachine jobs, Outbox outbox, PipelineSnapshot restored, long incarnation,
        IDurableStore? store = null)
    {
        _store = store;
        RestoreJournal();
        _sequence = checked(incarnation << 32);
        _config = config;
        _capacity = capacity;
        _jobs = jobs;
        _outbox = outbox;
        _orders = new OrdersWindow(config.ReportInterval);
        Pipeline = restored;
    }

    /// <summary>The newest pipeline snapshot this node has seen (its model generations).</summary>
    public PipelineSnapshot Pipeline { get; private set; }

    /// <summary>The highest leader epoch seen, from the election or from orders: older orders are refused.</summary>
    public long HighestEpoch => _highestEpoch;

    public int UnacknowledgedResults => _results.Count;


    /// <summary>When the work lease lapses on this node's clock; jobs held past it are terminated.</summary>
    public Instant LeaseUntil => _leaseUntil;

    public Instant NextDeadline => Instant.Min(Instant.Min(
        _leader is null ? Instant.MaxValue : _nextReport,
        _held.Count > _fenced.Count ? _leaseUntil : Instant.MaxValue), JournalDeadline);

    /// <summary>
    /// The fence, run first in every step (before any input is handled, so a worker resuming from a
    /// pause kills before it does anything else with a job): when the work lease has lapsed, every job
    /// it launched for a leader and still runs is terminated (operator launches are not leased), and its ending is reported as <see cref="JobOutcome.Fenced"/>.
    /// </summary>
    public void Fence(Instant now)
    {
        if (now < _leaseUntil || _held.Count <= _fenced.Count) return;
        var killed = 0;
        foreach (var job in _jobs.RunningSpecs())
            if (_held.Contains(job.Id) && _fenced.Add(job.Id) && _jobs.TryTerminate(job.Id)) killed++;
        if (killed == 0) return;
        _dirty = true;
        _outbox.Notify(new WorkLeaseLapsed(killed, now - _renewedAt));
    }

    /// <summary>Follows the election's view; reports when due or when something changed.</summary>
    public void Tick(Instant now, NodeId? leader, long leaderEpoch, GpuHealth gpu)
    {
        LaunchJournaled(now);
        if (leaderEpoch > _highestEpoch) _highestEpoch = leaderEpoch;
        if (leader != _leader)
        {
            _leader = leader;
            _dirty = true;
        }
        if (leader is not { } to || (!_dirty && now < _nextReport)) return;
        _dirty = false;
        _orders.GiveUpOldGap(now);
        _nextReport = now + _config.ReportInterval;
        // A node without slots, jobs or results has nothing to report or to pull.
        if (_capacity.Slots == 0 && _jobs.RunningCount == 0 && _results.Count == 0) return;
        ++_sequence;
        _sent[_sequence % SentRemembered] = (_sequence, now);
        _outbox.Send(new Outbound(to, new JobReport(
            _sequence, _highestEpoch, gpu, _capacity.Slots, _jobs.RunningSpecs(), [.. _results], Pipeline,
            OrdersSeenReported)));
    }

    /// <summary>
    /// Orders answering one of the last reports renew the lease from that report's sending, and move the
    /// process layer's kill deadline of the jobs still held to the new lease end. After a lapse the fence
    /// has already claimed every held job (it runs first in the step), so nothing is extended then.
    /// </summary>
    private void Renew(Instant now, long answers)
    {
        if (answers <= 0) return;
        var (sequence, sentAt) = _sent[answers % SentRemembered];
        if (sequence != answers || sentAt + _config.WorkLease <= _leaseUntil) return;
        _leaseUntil = sentAt + _config.WorkLease;
        _renewedAt = sentAt;
        if (_held.Count > _fenced.Count && now < _leaseUntil) _jobs.ExtendLeases(_leaseUntil);
    }

    /// <summary>A newer snapshot seen anywhere (a peer's report, this node's own leadership) is adopted.</summary>
    public void Adopt(PipelineSnapshot snapshot)
    {
        if (snapshot.IsNewerThan(Pipeline)) Pipeline = snapshot;
    }

    /// <summary>
    /// Orders from a leader: refused below the highest epoch seen; otherwise an answer renews the work
    /// lease first, kills apply, and assignments launch only within the lease and only from orders neither
    /// applied nor given up before (<see cref="OrdersWindow"/>): the leader gives an assignment up only
    /// once this worker reports it is past the orders that carried it.
    /// </summary>
    public void OnOrders(Instant now, NodeId from, JobOrders orders, GpuHealth gpu)
    {
        if (orders.Epoch < _highestEpoch)
        {
            _outbox.Notify(new OrdersRefused(from, orders.Epoch, orders.Assign.Length, $"stale epoch: {_highestEpoch} seen"));
            _dirty = true;
            return;
        }
        _highestEpoch = orders.Epoch;
        Renew(now, orders.Answers);
        Adopt(orders.Pipeline);
        if (!orders.Acknowledged.IsEmpty) Forget(orders.Acknowledged);
        foreach (var kill in orders.Kill)
            if (_jobs.TryTerminate(kill)) _dirty = true;
        if (!_orders.TryAccept(now, orders.Epoch, orders.Sequence)) return;
        var refusal = now >= _leaseUntil ? "work lease lapsed: no answer from a leader within " + _config.WorkLease : null;
        foreach (var job in orders.Assign) Apply(now, job, orders, gpu, refusal);
        LaunchJournaled(now);
    }

    private void Forget(ImmutableArray<JobId> acknowledged)
    {
        for (var i = _results.Count - 1; i >= 0; i--)
            if (acknowledged.Contains(_results[i].Job.Id)) _results.RemoveAt(i);
        Unjournal(acknowledged);
    }

    /// <summary>An assignment is journaled, then launched once the journal is durable (at once without a store).</summary>
    private void Apply(Instant now, JobSpec job, JobOrders orders, GpuHealth gpu, string? ordersRefused)
    {
        if (_jobs.IsRunning(job.Id) || IsAwaitingJournal(job.Id)) return;
        _dirty = true;
        var refusal = ordersRefused ?? RefusalOf(job, gpu);
        if (refusal is not null) Record(new JobResult(job, JobOutcome.NeverStarted, 0, refusal));
        else if (_store is null) Launch(job, orders.Epoch);
        else Journal(now, job, orders.Epoch, orders.Sequence);
    }

    private string? RefusalOf(JobSpec job, GpuHealth gpu) =>
        job.Gpus > 0 && gpu != GpuHealth.Healthy ? "gpu " + gpu
        : SlotsInUse() + _capacity.SlotsTaken(job.Kind) > _capacity.Slots
            ? $"{SlotsInUse()} of {_capacity.Slots} slots are busy, a {job.Kind.ToString().ToLowerInvariant()} takes {_capacity.SlotsTaken(job.Kind)}"
        : null;

    /// <summary>The slots the running jobs and those waiting for the journal take (<see cref="NodeCapacity.SlotsTaken"/>).</summary>
    private int SlotsInUse()
    {
        var used = _jobs.SlotsTaken(_capacity);
        foreach (var waiting in _awaitingJournal) used += _capacity.SlotsTaken(waiting.Job.Kind);
        return used;
    }

    /// <summary>Launches within the lease: the process layer kills the job at the lease end unless renewed.</summary>
    private void Launch(JobSpec job, long epoch)
    {
        var refusal = _jobs.TryLaunch(job, _leaseUntil);
        if (refusal is not null)
        {
            Record(new JobResult(job, JobOutcome.NeverStarted, 0, refusal));
            return;
        }
        _held.Add(job.Id);
        _outbox.Notify(new JobAccepted(job.Id, job.Kind, epoch, _highestEpoch));
    }

    /// <summary>A job's process ended: its result is reported until acknowledged.</summary>
    public void OnJobEnded(JobSpec job, EffectOutcome outcome)
    {
        _held.Remove(job.Id);
        // Whatever it did after the lease lapsed may already run elsewhere: it never counts as a success.
        if (_fenced.Remove(job.Id))
        {
            Record(new JobResult(job, JobOutcome.Fenced, 0, "work lease lapsed: no leader heard within " + _config.WorkLease));
            return;
        }
        Record(outcome switch
        {
            ProcessExited { Succeeded: true } exited => new JobResult(job, JobOutcome.Succeeded, exited.Output, ""),
            // A killed selfplay's games written until the kill are on disk: they are reported with its end.
            ProcessExited exited => new JobResult(job, JobOutcome.Failed, job.Kind == JobKind.Selfplay ? exited.Output : 0, $"exit {exited.ExitCode}: {exited.StderrTail}"),
            LaunchFailed failed => new JobResult(job, JobOutcome.NeverStarted, 0, failed.Reason),
            _ => new JobResult(job, JobOutcome.Failed, 0, "unexpected outcome"),
        });
    }

    private void Record(JobResult result)
    {
        _dirty = true;
        // Bounded: the oldest unacknowledged result gives way (its job is then judged lost by the leader).
        if (_results.Count >= ResultsMax)
        {
            var dropped = _results[0].Job.Id;
            _results.RemoveAt(0);
            Unjournal([dropped]);
        }
        _results.Add(result);
    }
}
