using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// Room for trainings. A training takes a whole GPU's slots on one node (<see cref="NodeCapacity"/>), and
/// placement refills each selfplay slot as it frees, so a training could wait forever for a GPU to come
/// free by itself. Each plan sets one node aside for each pending training (the one needing the fewest
/// selfplay stops, none when it has room): nothing else is placed there, and as many of its selfplay jobs
/// are stopped as the training lacks slots (the newest first; their games so far count, as any stopped
/// selfplay's do). The training is placed there once they end, or wherever room appears first; the node
/// then takes any work again.
/// </summary>
public sealed partial class DispatchMachine
{
    private const int TrainingsMadeRoomPerPlan = 4;
    private static readonly int TrainingBit = JobBook.KindBit(JobKind.Training);
    private readonly Dictionary<NodeId, JobId> _roomFor = new();
    private readonly List<JobRecord> _pendingTrainings = new();
    private readonly List<NodeId> _roomSpent = new();

    /// <summary>The node set aside for a training, if any (for tests and the report).</summary>
    public NodeId? RoomSetAsideFor(JobId training)
    {
        foreach (var (node, held) in _roomFor)
            if (held == training) return node;
        return null;
    }

    private void MakeRoomForTrainings(Instant now)
    {
        if (Halted || _rebuilding) return;
        ForgetSpentRoom(now);
        if (_book.PendingOfKind(JobKind.Training) == 0) return;
        _book.CollectPending(JobKind.Training, TrainingsMadeRoomPerPlan, _pendingTrainings);
        foreach (var training in _pendingTrainings)
            if (RoomSetAsideFor(training.Id) is null && NodeToClearFor(now, training) is { } node)
                _roomFor.Add(node, training.Id);
        // In node-id order, never the dictionary's: the kills and notices come out the same every run.
        foreach (var worker in _workerOrder)
            if (_roomFor.TryGetValue(worker.Profile.Node, out var training)) StopSelfplayFor(worker.Profile.Node, training);
    }

    /// <summary>Drops each set-aside whose training no longer waits, or whose node may no longer take it.</summary>
    private void ForgetSpentRoom(Instant now)
    {
        _roomSpent.Clear();
        foreach (var (node, training) in _roomFor)
            if (!_book.TryGet(training, out var job) || job.State != JobState.Pending || !MayTrainOn(now, node, job)) _roomSpent.Add(node);
        foreach (var node in _roomSpent) _roomFor.Remove(node);
    }

    /// <summary>The node that may train and needs the fewest selfplay stops for it, then the strongest GPU, then the lowest id.</summary>
    private NodeId? NodeToClearFor(Instant now, JobRecord training)
    {
        NodeId? best = null;
        int bestStops = int.MaxValue, bestScore = 0;
        foreach (var worker in _workerOrder)
        {
            var node = worker.Profile.Node;
            if (_roomFor.ContainsKey(node) || !MayTrainOn(now, node, training)) continue;
            var lacking = _book.SlotsLacking(node, JobKind.Training);
            if (lacking > StoppableSelfplaySlots(node)) continue;
            var score = GpuPowerRanking.Score(GpuPowerRanking.FromProfile(worker.Profile.Gpu));
            if (lacking > bestStops || (lacking == bestStops && score <= bestScore)) continue;
            (best, bestStops, bestScore) = (node, lacking, score);
        }
        return best;
    }

    /// <summary>Whether placement would let <paramref name="node"/> take the training, given room.</summary>
    private bool MayTrainOn(Instant now, NodeId node, JobRecord training) =>
        _workers.TryGetValue(node, out var worker) && CanTakeWork(now, node, worker)
        && (KindsFor(worker, node) & TrainingBit) != 0 && _book.MayHold(node, training, Admits);

    /// <summary>Stops the node's newest selfplay until the stops in flight cover what the training lacks.</summary>
    private void StopSelfplayFor(NodeId node, JobId training)
    {
        var lacking = _book.SlotsLacking(node, JobKind.Training) - SlotsStopping(node);
        var jobs = _book.JobsOn(node);
        for (var i = jobs.Count - 1; i >= 0 && lacking > 0; i--)
        {
            if (!IsStoppableSelfplay(jobs[i], out var job) || !KillLater(node, job.Id)) continue;
            _stopped.Add(job.Id);
            lacking -= job.SlotsHeld;
            _outbox.Notify(new SelfplayPreempted(job.Id, node, training));
        }
    }

    private int StoppableSelfplaySlots(NodeId node)
    {
        var slots = 0;
        foreach (var id in _book.JobsOn(node))
            if (IsStoppableSelfplay(id, out var job)) slots += job.SlotsHeld;
        return slots;
    }

    private int SlotsStopping(NodeId node)
    {
        var slots = 0;
        foreach (var id in _book.JobsOn(node))
            if (_stopped.Contains(id) && _book.TryGet(id, out var job)) slots += job.SlotsHeld;
        return slots;
    }

    private bool IsStoppableSelfplay(JobId id, out JobRecord job) =>
        _book.TryGet(id, out job) && job.State == JobState.Running && job.Spec.Kind == JobKind.Selfplay && !_stopped.Contains(id);

    /// <summary>A node set aside takes only its training, once the training fits; true when it is set aside.</summary>
    private bool PlaceSetAsideTraining(Instant now, NodeId node)
    {
        if (!_roomFor.TryGetValue(node, out var id)) return false;
        if (_book.TryGet(id, out var training) && training.State == JobState.Pending && _book.SlotsLacking(node, JobKind.Training) <= 0)
        {
            Assign(now, node, training);
            _roomFor.Remove(node);
        }
        return true;
    }
}
