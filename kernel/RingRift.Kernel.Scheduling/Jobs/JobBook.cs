using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The leader's book of jobs: pending → assigned(epoch, node) → running → completed | failed(reason),
/// with lost jobs sent back to pending (a retry) until their attempts run out. Each node's slots are
/// reserved by the jobs the book put there, so capacity never depends on a load report's freshness:
/// <see cref="Assign"/> asserts the job fits (a training takes a whole GPU's slots, see
/// <see cref="NodeCapacity"/>). Completions are idempotent by job id. Every table is bounded and the
/// bounds asserted. Pure and single-threaded; time comes in as arguments.
/// </summary>
public sealed partial class JobBook(JobBookLimits limits)
{
    private readonly Dictionary<JobId, JobRecord> _live = new();
    private readonly SortedSet<PendingKey> _pending = new();
    private readonly Dictionary<NodeId, NodeSlots> _nodes = new();
    private readonly HashSet<JobId> _finished = new();
    private readonly HashSet<JobId> _awaitingGone = new();
    private readonly Queue<JobId> _finishedOrder = new();
    private readonly int[] _heldOfKind = new int[3];
    private readonly int[] _pendingOfKind = new int[3];
    private readonly int[] _pendingSelfplayOf = new int[ConfigKeys.Count];
    private readonly int[] _heldSelfplayOf = new int[ConfigKeys.Count];
    private long _sequence;

    public JobBookLimits Limits => limits;
    public int LiveCount => _live.Count;
    public int PendingCount => _pending.Count;
    public int AssignedCount { get; private set; }
    public int RunningCount { get; private set; }

    /// <summary>Lost executions after which the job went back to Pending (≤ <see cref="Lost"/>).</summary>
    public long Retried { get; private set; }

    /// <summary>Executions lost (node died or went silent, process vanished, fenced, GPU hung, overdue), each once.</summary>
    public long Lost { get; private set; }

    public long Completed { get; private set; }
    public long Failed { get; private set; }

    /// <summary>Increases on every change, so callers can skip work when nothing changed.</summary>
    public long Version { get; private set; }

    /// <summary>Assigned or running jobs of <paramref name="kind"/>.</summary>
    public int HeldOfKind(JobKind kind) => _heldOfKind[(int)kind];

    /// <summary>Pending selfplay jobs of the config at <paramref name="config"/> (<see cref="ConfigKeys"/> order).</summary>
    public int PendingSelfplayOf(int config) => _pendingSelfplayOf[config];

    /// <summary>Assigned or running selfplay jobs of the config at <paramref name="config"/>.</summary>
    public int HeldSelfplayOf(int config) => _heldSelfplayOf[config];

    /// <summary>Remembers an id that ended outside this book (under an earlier leader), so its end applies once.</summary>
    public void MarkFinished(JobId id)
    {
        if (!_live.ContainsKey(id)) Remember(id);
    }

    public bool TryGet(JobId id, out JobRecord job) => _live.TryGetValue(id, out job!);

    /// <summary>True when the id ended recently (completed or failed): a repeated completion is a no-op.</summary>
    public bool HasFinished(JobId id) => _finished.Contains(id);

    /// <summary>Adds a pending job. False (and nothing changes) when the id is known or the book is full.</summary>
    public bool TryEnqueue(JobSpec spec, int priority, Instant now)
    {
        if (_live.Count >= limits.JobsMax || _live.ContainsKey(spec.Id) || _finished.Contains(spec.Id)) return false;
        var job = new JobRecord(spec, priority, ++_sequence, now);
        _live.Add(spec.Id, job);
        AddPending(job);
        Version++;
        return true;
    }

    /// <summary>Sets how much work <paramref name="node"/> may hold; less than it holds only stops new jobs.</summary>
    public void SetCapacity(NodeId node, NodeCapacity capacity)
    {
        Invariant.True(capacity.Slots >= 0 && capacity.SlotsPerGpu >= 0);
        Node(node).Capacity = capacity;
    }

    public int FreeSlots(NodeId node) => _nodes.TryGetValue(node, out var n) ? n.Free : 0;

    /// <summary>The slots a job of <paramref name="kind"/> takes on <paramref name="node"/>.</summary>
    public int SlotsTaken(NodeId node, JobKind kind) => _nodes.TryGetValue(node, out var n) ? n.Capacity.SlotsTaken(kind) : 1;

    /// <summary>How many more free slots a job of <paramref name="kind"/> needs on <paramref name="node"/>; 0 or less when it fits.</summary>
    public int SlotsLacking(NodeId node, JobKind kind) => SlotsTaken(node, kind) - FreeSlots(node);

    public int HeldBy(NodeId node) => _nodes.TryGetValue(node, out var n) ? n.Jobs.Count : 0;

    public bool InCooldown(NodeId node, Instant now) => _nodes.TryGetValue(node, out var n) && now < n.CooldownUntil;

    /// <summary>The ids the book has on <paramref name="node"/> (assigned or running), in assignment order.</summary>
    public IReadOnlyList<JobId> JobsOn(NodeId node) => _nodes.TryGetValue(node, out var n) ? n.Jobs : [];

    /// <summary>
    /// The first pending job, in priority order, whose kind is in <paramref name="kinds"/> (a bit per
    /// <see cref="JobKind"/>). Visits at most <paramref name="scanMax"/> entries.
    /// </summary>
    public JobRecord? FirstPending(int kinds, int scanMax) => FirstPending(kinds, scanMax, null, default);

    /// <summary>
    /// The first pending job of <paramref name="kinds"/> that <paramref name="admits"/> lets <paramref name="node"/>
    /// take (every one when null), looking at most <paramref name="scanMax"/> jobs past the head.
    /// </summary>
    public JobRecord? FirstPending(int kinds, int scanMax, System.Func<NodeId, JobSpec, bool>? admits, NodeId node)
    {
        if (_pending.Count == 0) return null;
        // The head usually fits: Min is found without the enumerator, which allocates its path stack.
        var head = _live[_pending.Min.Job];
        if (Fits(head, kinds, admits, node)) return head;
        var seen = 0;
        foreach (var key in _pending)
        {
            if (seen++ >= scanMax) break;
            var job = _live[key.Job];
            if (Fits(job, kinds, admits, node)) return job;
        }
        return null;
    }

    private bool Fits(JobRecord job, int kinds, System.Func<NodeId, JobSpec, bool>? admits, NodeId node) =>
        (kinds & KindBit(job.Spec.Kind)) != 0 && (!_nodes.TryGetValue(node, out var slots) || slots.Fits(job.Spec.Kind))
        && MayHold(node, job, admits);

    /// <summary>
    /// Whether <paramref name="node"/> may take the job, its slots aside: the job waits for no node to report
    /// an earlier execution gone, its execution there was not declared lost, and <paramref name="admits"/> lets it.
    /// </summary>
    public bool MayHold(NodeId node, JobRecord job, System.Func<NodeId, JobSpec, bool>? admits) =>
        !_awaitingGone.Contains(job.Id) && !IsLostOn(job.Id, node) && (admits is null || admits(node, job.Spec));

    /// <summary>Pending jobs of <paramref name="kind"/>.</summary>
    public int PendingOfKind(JobKind kind) => _pendingOfKind[(int)kind];

    /// <summary>Fills <paramref name="into"/> with the first <paramref name="max"/> pending jobs of <paramref name="kind"/>, in priority order.</summary>
    public void CollectPending(JobKind kind, int max, List<JobRecord> into)
    {
        into.Clear();
        if (_pendingOfKind[(int)kind] == 0) return;
        foreach (var key in _pending)
        {
            var job = _live[key.Job];
            if (job.Spec.Kind != kind) continue;
            into.Add(job);
            if (into.Count >= max || into.Count == _pendingOfKind[(int)kind]) return;
        }
    }

    public static int KindBit(JobKind kind) => 1 << (int)kind;

    /// <summary>Pending → Assigned on <paramref name="node"/> at <paramref name="epoch"/>; takes the slots it needs there.</summary>
    public void Assign(JobRecord job, NodeId node, long epoch, Instant now)
    {
        Invariant.True(job.State == JobState.Pending && _live.ContainsKey(job.Id));
        RemovePending(job);
        Hold(job, node);
        job.State = JobState.Assigned;
        job.Epoch = epoch;
        job.Orders = 0;
        job.Since = now;
        AssignedCount++;
        Version++;
    }

    /// <summary>
    /// A node reported the job running. Assigned → Running counts one attempt; a report from a node
    /// that does not hold the job is refused (false): the caller kills that execution.
    /// </summary>
    public bool MarkRunning(JobId id, NodeId node, Instant now)
    {
        if (!_live.TryGetValue(id, out var job) || job.Node != node) return false;
        if (job.State == JobState.Running) return true;
        job.State = JobState.Running;
        job.Attempts++;
        job.Since = now;
        AssignedCount--;
        RunningCount++;
        Version++;
        return true;
    }

    /// <summary>
    /// The node says the job ended. Applied once: a repeat, or an end from a node that does not hold
    /// the job, returns false and changes nothing.
    /// </summary>
    public bool Finish(JobId id, NodeId node, bool succeeded, string reason, Instant now)
    {
        if (!_live.TryGetValue(id, out var job) || job.Node != node) return false;
        if (job.State == JobState.Assigned) job.Attempts++;
        End(job, succeeded ? JobState.Completed : JobState.Failed, reason, now);
        return true;
    }

    /// <summary>Records the orders that carry the job's assignment to its node.</summary>
    public void SentIn(JobId id, long orders)
    {
        if (_live.TryGetValue(id, out var job) && job.State == JobState.Assigned) job.Orders = orders;
    }

    /// <summary>
    /// The assignment never ran (refused, undelivered, launch failed before starting): the job goes
    /// back to Pending without using an attempt, and the node cools down until <paramref name="cooldownUntil"/>.
    /// </summary>
    public bool Release(JobId id, string reason, Instant now, Instant cooldownUntil)
    {
        if (!_live.TryGetValue(id, out var job) || job.State != JobState.Assigned) return false;
        var node = job.Node!.Value;
        Detach(job);
        Node(node).CooldownUntil = cooldownUntil;
        ToPending(job, reason, now);
        return true;
    }

    /// <summary>A running execution is gone without an ending: retried while attempts remain, else failed.</summary>
    public bool MarkLost(JobId id, string reason, Instant now)
    {
        if (!_live.TryGetValue(id, out var job) || job.State != JobState.Running) return false;
        Lost++;
        if (job.Attempts >= limits.AttemptsMax)
        {
            End(job, JobState.Failed, $"lost {job.Attempts} times, last: {reason}", now);
            return true;
        }
        Detach(job);
        Retried++;
        ToPending(job, reason, now);
        return true;
    }

    /// <summary>Forgets every job and node: a leader that stepped down keeps no book.</summary>
    public void Clear()
    {
        _live.Clear();
        _pending.Clear();
        _nodes.Clear();
        _awaitingGone.Clear();
        AssignedCount = RunningCount = 0;
        System.Array.Clear(_heldOfKind);
        System.Array.Clear(_pendingOfKind);
        System.Array.Clear(_pendingSelfplayOf);
        System.Array.Clear(_heldSelfplayOf);
        Version++;
    }

    private void End(JobRecord job, JobState state, string reason, Instant now)
    {
        Detach(job);
        job.State = state;
        job.Reason = reason;
        job.Since = now;
        _live.Remove(job.Id);
        if (state == JobState.Completed) Completed++;
        else Failed++;
        Remember(job.Id);
    }

    private void Remember(JobId id)
    {
        if (!_finished.Add(id)) return;
        _finishedOrder.Enqueue(id);
        if (_finishedOrder.Count > limits.FinishedRememberedMax) _finished.Remove(_finishedOrder.Dequeue());
    }

    private void Detach(JobRecord job)
    {
        if (job.State == JobState.Assigned) AssignedCount--;
        else if (job.State == JobState.Running) RunningCount--;
        if (job.Node is { } node)
        {
            var slots = _nodes[node];
            Invariant.True(slots.Jobs.Remove(job.Id));
            slots.Used -= job.SlotsHeld;
            CountHeld(job, -1);
        }
        job.Node = null;
        job.SlotsHeld = 0;
        Version++;
    }

    /// <summary>Puts the job on the node's slots; asserts it fits.</summary>
    private void Hold(JobRecord job, NodeId node)
    {
        var slots = Node(node);
        Invariant.True(slots.Fits(job.Spec.Kind));
        job.SlotsHeld = slots.Capacity.SlotsTaken(job.Spec.Kind);
        slots.Jobs.Add(job.Id);
        slots.Used += job.SlotsHeld;
        job.Node = node;
        CountHeld(job, +1);
    }

    private void ToPending(JobRecord job, string reason, Instant now)
    {
        job.State = JobState.Pending;
        job.Reason = reason;
        job.Since = now;
        AddPending(job);
    }

    private void AddPending(JobRecord job)
    {
        _pending.Add(job.Key);
        _pendingOfKind[(int)job.Spec.Kind]++;
        if (job.SelfplayConfig >= 0) _pendingSelfplayOf[job.SelfplayConfig]++;
    }

    private void RemovePending(JobRecord job)
    {
        Invariant.True(_pending.Remove(job.Key));
        _pendingOfKind[(int)job.Spec.Kind]--;
        if (job.SelfplayConfig >= 0) _pendingSelfplayOf[job.SelfplayConfig]--;
    }

    private void CountHeld(JobRecord job, int change)
    {
        _heldOfKind[(int)job.Spec.Kind] += change;
        if (job.SelfplayConfig >= 0) _heldSelfplayOf[job.SelfplayConfig] += change;
    }

    private NodeSlots Node(NodeId node)
    {
        if (_nodes.TryGetValue(node, out var slots)) return slots;
        Invariant.True(_nodes.Count < limits.NodesMax);
        slots = new NodeSlots(NodeCapacity.None);
        _nodes.Add(node, slots);
        return slots;
    }
}
