using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The worker's journal (<see cref="PersistentState.Journal"/>): every job it launches for a leader is
/// written durably before it starts, and stays journaled until a leader acknowledges its end. A crash
/// takes the executions and the unacknowledged results with it, and may take the only leader's book
/// that held them too (the leader ran on this node, or was deposed before it heard): the restarted node
/// reports each journaled job as <see cref="JobOutcome.DiedWithNode"/>, so every execution is accounted
/// for. An assignment whose journal entry is not durable within <see cref="JournalWaitMax"/> (a full or
/// failing disk) never starts: it is reported as such, well before the leader's assign timeout. While
/// one waits, reports claim no orders newer than the ones before its own (<see cref="OrdersSeenReported"/>),
/// so the leader does not give up an assignment that may still start.
/// </summary>
public sealed partial class JobWorkerMachine
{
    private readonly List<JobSpec> _journal = new();
    private readonly List<(JobSpec Job, long Epoch, long Version, Instant Until, long Orders)> _awaitingJournal = new();
    private readonly IDurableStore? _store;

    /// <summary>The jobs journaled: launched (or about to be) for a leader, their end not yet acknowledged.</summary>
    public int JournaledCount => _journal.Count;

    private Duration JournalWaitMax => _config.AssignTimeout / 3;

    private int AwaitingJournalCount => _awaitingJournal.Count;

    private Instant JournalDeadline => _awaitingJournal.Count == 0 ? Instant.MaxValue : _awaitingJournal[0].Until;

    /// <summary>The newest orders of the followed epoch applied, short of any whose assignment still waits for the journal.</summary>
    private long OrdersSeenReported =>
        _orders.Epoch != _highestEpoch ? 0
        : _awaitingJournal.Count > 0 && _awaitingJournal[0].Epoch == _orders.Epoch ? System.Math.Min(_orders.Seen, _awaitingJournal[0].Orders - 1)
        : _orders.Seen;

    private void RestoreJournal()
    {
        if (_store is null) return;
        foreach (var job in _store.Current.Journal)
        {
            _journal.Add(job);
            Record(new JobResult(job, JobOutcome.DiedWithNode, 0, "the node restarted: the execution died with it"));
        }
    }

    private bool IsAwaitingJournal(JobId id)
    {
        foreach (var waiting in _awaitingJournal)
            if (waiting.Job.Id == id) return true;
        return false;
    }

    /// <summary>Journals the job durably; it launches in <see cref="LaunchJournaled"/> once the write is durable.</summary>
    private void Journal(Instant now, JobSpec job, long epoch, long orders)
    {
        _journal.Add(job);
        SaveJournal();
        _awaitingJournal.Add((job, epoch, _store!.Current.Version, now + JournalWaitMax, orders));
    }

    /// <summary>
    /// Launches the jobs whose journal entry is durable, in the order they were assigned. One that waited
    /// past its bound, or whose work lease lapsed meanwhile, never starts.
    /// </summary>
    private void LaunchJournaled(Instant now)
    {
        while (_awaitingJournal.Count > 0)
        {
            var (job, epoch, version, until, _) = _awaitingJournal[0];
            var durable = _outbox.DurableVersion >= version;
            if (!durable && now < until) return;
            _awaitingJournal.RemoveAt(0);
            _dirty = true;
            if (!durable) Record(new JobResult(job, JobOutcome.NeverStarted, 0, "journal not durable within " + JournalWaitMax));
            else if (now >= _leaseUntil) Record(new JobResult(job, JobOutcome.NeverStarted, 0, "work lease lapsed before the journal was durable"));
            else Launch(job, epoch);
        }
    }

    private void Unjournal(ImmutableArray<JobId> ended)
    {
        var count = _journal.Count;
        for (var i = _journal.Count - 1; i >= 0; i--)
            if (ended.Contains(_journal[i].Id)) _journal.RemoveAt(i);
        if (_journal.Count != count) SaveJournal();
    }

    private void SaveJournal()
    {
        Invariant.True(_journal.Count <= ResultsMax + _capacity.Slots);
        _store?.Save(_store.Current with { Journal = [.. _journal] });
    }
}
