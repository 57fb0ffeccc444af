using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Scaling;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Kernel.Node;

/// <summary>
/// The auto-scaler's wiring: on the leader, each check gathers the book's pending work, the live workers
/// and the managed nodes' facts (voter, training, sole replica, jobs held) for <see cref="ScalingMachine"/>,
/// whose drain set dispatch honours. Jobs and trainings are the book's or, when more, what the node's own
/// gossiped load counts (an operator's job is in no book). A node holds the only replica of a config's newest model from the
/// training that made it until that model is evaluated and rejected, or promoted and distributed.
/// </summary>
public sealed partial class KernelNode
{
    private const int QueuedWorkPriority = 50;
    private readonly ScalingMachine? _scaling;
    private readonly Dictionary<string, NodeId> _trainedOn = new(System.StringComparer.Ordinal);
    private long _queuedSequence;

    /// <summary>The auto-scaler, for read-only inspection; null when scaling is off.</summary>
    public ScalingMachine? Scaling => _scaling;

    private static ScalingMachine? CreateScaling(KernelConfig config, DispatchMachine? dispatch, Outbox outbox)
    {
        if (config.Scaling is not { } scaling || dispatch is null) return null;
        var machine = new ScalingMachine(scaling, outbox);
        dispatch.DrainingNodes = machine.Draining;
        return machine;
    }

    private void StepScaling(Instant now)
    {
        if (_scaling is null || _dispatch is null) return;
        if (!_scaling.IsDue(now, _dispatch.Epoch != 0 && !_dispatch.IsRebuilding)) return;
        _scaling.Check(now, ScalingInputNow());
    }

    private ScalingInput ScalingInputNow()
    {
        var book = _dispatch!.Book;
        var states = new Dictionary<NodeId, MemberState>();
        foreach (var member in Status().Members) states[member.Peer] = member.State;
        states[Id] = MemberState.Alive;
        var backlog = 0;
        var live = 0;
        foreach (var host in _config.Cluster)
        {
            var slots = _config.Scheduling!.SlotsFor(host);
            backlog += slots;
            if (slots > 0 && states.TryGetValue(host.Node, out var state) && state == MemberState.Alive) live++;
        }
        var managed = ImmutableArray.CreateBuilder<ScalingNodeFacts>();
        foreach (var host in _config.Cluster)
        {
            if (!_scaling!.Config.Managed.Contains(host.Node)) continue;
            var up = states.TryGetValue(host.Node, out var state) && state == MemberState.Alive;
            var load = _gossip.Table.TryGet(host.Node, out var entry) ? entry.Summary.Load : NodeLoad.Idle;
            var training = RunsTraining(host.Node) || load.TrainingJobs > 0;
            var held = System.Math.Max(book.HeldBy(host.Node), load.RunningJobs);
            managed.Add(new ScalingNodeFacts(host.Node, up, host.IsVoter, training, HoldsSoleReplica(host.Node), held));
        }
        return new ScalingInput(book.PendingCount - backlog, live, managed.ToImmutable());
    }

    /// <summary>True when the book holds a training on the node; remembers it as the maker of that config's next model.</summary>
    private bool RunsTraining(NodeId node)
    {
        var training = false;
        foreach (var id in _dispatch!.Book.JobsOn(node))
        {
            if (!_dispatch.Book.TryGet(id, out var job) || job.Spec.Kind != JobKind.Training) continue;
            training = true;
            _trainedOn[job.Spec.Config] = node;
        }
        return training;
    }

    private bool HoldsSoleReplica(NodeId node)
    {
        foreach (var (config, maker) in _trainedOn)
        {
            if (maker != node) continue;
            var index = ConfigKeys.IndexOf(config);
            if (index < 0) continue;
            var p = _dispatch!.PipelineOf(index);
            if (p.Candidate > p.Evaluated || (p.Promoted == p.Candidate && p.Promoted > p.Distributed)) return true;
        }
        return false;
    }

    private void OnQueueWork(RequestId request, QueueWork work)
    {
        if (_dispatch is null || _dispatch.Epoch == 0 || ConfigKeys.IndexOf(work.Config) < 0 || work.Count is < 1 or > QueueWork.CountMax)
        {
            _outbox.Answer(new Reply(request, false, "queue_work needs a leader with dispatch, a known config and 1.." + QueueWork.CountMax + " jobs"));
            return;
        }
        var queued = 0;
        for (var i = 0; i < work.Count; i++)
        {
            var id = new JobId($"queued-{_dispatch.Epoch}-{++_queuedSequence}");
            if (_dispatch.Book.TryEnqueue(new JobSpec(id, JobKind.Selfplay, work.Config, 1), QueuedWorkPriority, _lastNow)) queued++;
        }
        _outbox.Answer(new Reply(request, queued == work.Count, $"queued {queued} of {work.Count}"));
    }
}
