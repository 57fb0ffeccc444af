using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private void Boot(SimNode node)
    {
        node.Life++;
        node.RunState = NodeRunState.Up;
        node.StateSince = node.RunningSince = _now;
        node.WakeAt = long.MaxValue;
        var restored = node.Disk.Load();
        _trace.World(_now, node.Index, $"boot {node.Id} life={node.Life} restored_boot_count={restored.BootCount}");
        _timeline?.OnBoot(_now, node.Index, node.Life);
        node.Kernel = new KernelNode(KernelConfigFor(node, node.Seeds.NextUInt64()), restored, node.Clock.Read(_now));
        _jobMetrics?.OnBoot(_now, node.Index, node.Processes.Gpu == GpuHealth.Healthy);
        foreach (var checker in _checkers) checker.OnBoot(_now, node);
        Flush(node);
        ReportDiskAtBoot(node);
        // Hardware outlives a crash: a host samples it at boot, so a GPU that failed while the node was down is known.
        if (node.Processes.Gpu != GpuHealth.Healthy) Step(node, new Observed(ResourceSample.Idle with { GpuHealth = node.Processes.Gpu }));
    }

    /// <summary>The node goes down; a decommission (the provider stopping it for good) is counted as such, not as a crash.</summary>
    private void Crash(SimNode node, bool tornWrite, bool decommissioned = false)
    {
        if (node.RunState == NodeRunState.Crashed) return;
        _stats.OnCrash(_now, node, _nodes);
        node.Kernel = null;
        node.Life++;
        node.RunState = NodeRunState.Crashed;
        node.StateSince = _now;
        node.Backlog.Clear();
        node.Disk.Crash(tornWrite);
        node.Processes.Crash();
        _jobMetrics?.OnCrash(_now, node.Index);
        if (decommissioned) _counters.Decommissions++;
        else _counters.Crashes++;
        Leases.Crash(_now, node);
        _trace.World(_now, node.Index, $"crash {node.Id} torn_write={tornWrite}");
        _timeline?.OnCrash(_now, node.Index, tornWrite);
        foreach (var checker in _checkers) checker.OnCrash(_now, node);
    }

    private void Pause(SimNode node, Duration span)
    {
        if (!node.IsRunning) return;
        _stats.OnPause(_now, node);
        node.RunState = NodeRunState.Paused;
        node.StateSince = _now;
        _trace.World(_now, node.Index, $"pause {node.Id} for={span}");
        _timeline?.OnPause(_now, node.Index, span);
        _queue.Schedule(_now + span.Micros, EventKind.Resume, node.Index, token: node.Life);
    }

    private void OnResume(in SimEvent item)
    {
        var node = _nodes[item.Node];
        if (item.Token != node.Life || !node.IsPaused) return;
        node.RunState = NodeRunState.Up;
        node.StateSince = node.RunningSince = _now;
        _trace.World(_now, node.Index, $"resume {node.Id} backlog={node.Backlog.Count}");
        _timeline?.OnResume(_now, node.Index);
        node.WakeAt = long.MaxValue;
        while (node.Backlog.TryDequeue(out var input)) Step(node, input);
        Step(node, Wake.Instance);
    }

    /// <summary>Hands an input to the node: stepped now if it runs, queued if paused, lost if crashed.</summary>
    private void Offer(SimNode node, KernelInput input)
    {
        if (node.IsRunning) Step(node, input);
        else if (node.IsPaused) Enqueue(node, input);
    }

    private static void Enqueue(SimNode node, KernelInput input)
    {
        if (node.Backlog.Count < SimNode.BacklogMax) node.Backlog.Enqueue(input);
        else node.BacklogDropped++;
    }

    private void Step(SimNode node, KernelInput input)
    {
        node.Kernel!.Step(node.Clock.Read(_now), input);
        Flush(node);
    }

    private void OnDeliver(in SimEvent item)
    {
        var node = _nodes[item.Node];
        if (node.RunState == NodeRunState.Crashed) return;
        var message = (Message)item.Payload!;
        var sender = _nodes[item.Peer];
        _counters.Delivered++;
        _trace.Deliver(_now, node, item.Peer, sender.Id.Value, message);
        Offer(node, DeliverInput(sender, message, item.Token == 1));
    }

    /// <summary>
    /// The input for one delivery. A heartbeat round hands one message object to every peer, so the
    /// sender's last input is reused while it carries the same message: inputs are immutable, and this
    /// spares an allocation per delivered message.
    /// </summary>
    private static Deliver DeliverInput(SimNode sender, Message message, bool isResponse)
    {
        if (sender.LastDeliver is { } last && ReferenceEquals(last.Message, message) && last.IsResponse == isResponse)
            return last;
        return sender.LastDeliver = new Deliver(sender.Id, message, isResponse);
    }

    private void OnWake(in SimEvent item)
    {
        var node = _nodes[item.Node];
        if (item.Token != node.WakeToken || !node.IsRunning) return;
        node.WakeAt = long.MaxValue;
        Step(node, Wake.Instance);
    }

    /// <summary>Drains the node's Ready: messages to the network, effects to disk and processes, notices to checkers.</summary>
    private void Flush(SimNode node)
    {
        var ready = node.Kernel!.TakeReady();
        foreach (var outbound in ready.Messages) Send(node, outbound);
        foreach (var effect in ready.Effects) Perform(node, effect);
        foreach (var notice in ready.Notices) Observe(node, notice);
        foreach (var reply in ready.Replies)
            _trace.World(_now, node.Index, $"reply {node.Id} {reply.RequestId} accepted={reply.Accepted} {reply.Detail}");
        if (ready.NextDeadline is { } deadline) ScheduleWake(node, deadline);
    }

    private void Send(SimNode node, in Outbound outbound)
    {
        var to = IndexOf(outbound.To);
        foreach (var checker in _checkers) checker.OnSend(_now, node, outbound.Message);
        _trace.Send(_now, node.Index, to, outbound.Message);
        if (outbound.Message is Heartbeat or HeartbeatAck or SwimMessage) _counters.MembershipMessagesSent++;
        // A node's message to itself (a voter answering its own candidacy) is loopback: no link, no faults.
        if (to == node.Index) _queue.Schedule(_now, EventKind.Deliver, to, to, 0, outbound.Message);
        else
        {
            _network.Send(_now, node.Index, to, outbound.Message, outbound.IsResponse);
            _timeline?.OnSend(_now);
        }
    }

    private void Observe(SimNode node, Notice notice)
    {
        if (notice is MemberStateChanged change)
        {
            _counters.MemberStateChanges++;
            if (change.To == MemberState.Dead) _stats.OnDeclaredDead(_now, node, NodeOf(change.Peer));
        }
        Leases.Apply(_now, node, notice);
        if (_jobMetrics is not null) ObserveWork(node, notice);
        ObservePromotion(notice);
        if (_ops is not null) ObserveOperations(node, notice);
        if (_scenario.Scaling is not null) ObserveScaling(notice);
        _trace.Notice(_now, node, notice);
        _timeline?.OnNotice(_now, node.Index, notice);
        foreach (var checker in _checkers) checker.OnNotice(_now, node, notice);
    }

    /// <summary>Keeps one pending wake per node, at the earliest deadline asked for; an early wake is harmless.</summary>
    private void ScheduleWake(SimNode node, Instant deadline)
    {
        var at = node.Clock.GlobalAt(deadline, _now);
        if (at >= node.WakeAt) return;
        node.WakeAt = at;
        node.WakeToken++;
        _queue.Schedule(at, EventKind.Wake, node.Index, token: node.WakeToken);
    }

    private void ObserveWork(SimNode node, Notice notice)
    {
        _jobMetrics!.OnNotice(_now, node.Index, notice);
        if (notice is Kernel.Scheduling.Jobs.ModelEvaluated { Promoted: true } promoted) _workload?.Promoted(promoted.Config);
    }
}
