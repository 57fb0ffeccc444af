using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

public sealed partial class SyncMachine
{
    /// <summary>
    /// Plans from what the leader knows now and sends each transfer to the node that opens its connection.
    /// Call when <see cref="PlanDue"/> says so. <paramref name="members"/> is membership's view (in any
    /// order); <paramref name="promoted"/> the scheduler's promoted generation per config; <paramref name="training"/>
    /// the training jobs it holds now, whose inputs are ordered to their nodes.
    /// </summary>
    public SyncPlan Plan(
        Instant now, long epoch, ImmutableArray<MemberView> members, IReadOnlyList<PromotedModel> promoted,
        IReadOnlyList<TrainingRun>? training = null)
    {
        Invariant.True(_leading);
        _dirty = false;
        _ownPlannedVersion = _own.Version;
        _nextPlan = now + _config.PlanInterval;
        var snapshot = _planned = Snapshot(now, members);
        var orders = ModelOrders(snapshot, promoted);
        AddTrainingInputOrders(snapshot, training ?? [], orders);
        var plan = SyncPlanner.Plan(snapshot, orders, _config.Policy);
        foreach (var transfer in plan.Transfers)
            _inFlight[(transfer.Target, transfer.Path, transfer.OffsetBytes)] = new InFlight(transfer, now, false);
        SendOrders(epoch, plan.Transfers);
        PlanCleanup(now, epoch, snapshot, orders);
        _outbox.Notify(new SyncPlanned(epoch, plan.Transfers.Length, plan.BytesPlanned.Bytes, plan.NoSource, plan.DiskFull, _inFlight.Count));
        return plan;
    }

    /// <summary>Every host, alive when membership sees it alive or suspect and it has told its disk; in-flight transfers and cooling links.</summary>
    private ClusterSnapshot Snapshot(Instant now, ImmutableArray<MemberView> members)
    {
        var alive = new HashSet<NodeId>();
        foreach (var member in members)
            if (member.State is MemberState.Alive or MemberState.Suspect) alive.Add(member.Peer);
        var nodes = new List<NodeSnapshot>(_cluster.Length);
        foreach (var host in _cluster)
        {
            var self = host.Node == _self;
            _peers.TryGetValue(host.Node, out var peer);
            var known = self || (peer is { HasStatus: true } && alive.Contains(host.Node));
            nodes.Add(new NodeSnapshot(
                host.Node, host.Provider, known, host.NatBlocked, Ratio.Zero,
                self ? _diskTotal : peer?.DiskTotal ?? ByteSize.Zero, self ? _diskFree : peer?.DiskFree ?? ByteSize.Zero,
                StoresReplicas: true, self ? _own : peer?.Known ?? Manifest.Empty(host.Node)));
        }
        var snapshot = ClusterSnapshot.Create(nodes, _config.CanonicalStore, CoolingLinks(now), null).SharingIndexWith(_planned);
        return snapshot.WithInFlight(LiveInFlight(now, snapshot));
    }

    /// <summary>Drops orders past their timeout and stored files the target's manifest now shows; the rest keep their slots.</summary>
    private List<Transfer> LiveInFlight(Instant now, ClusterSnapshot snapshot)
    {
        var gone = new List<(NodeId, string, long)>();
        var live = new List<Transfer>(_inFlight.Count);
        foreach (var (key, flight) in _inFlight)
        {
            var target = snapshot.IndexOf(key.Target);
            var arrived = target >= 0 && snapshot.Nodes[target].Manifest.Holds(key.Path, flight.Transfer.Hash);
            if (arrived || now - flight.OrderedAt >= _config.OrderTimeout) gone.Add(key);
            else live.Add(flight.Transfer);
        }
        foreach (var key in gone) _inFlight.Remove(key);
        return live;
    }

    private List<DialBlock> CoolingLinks(Instant now)
    {
        var expired = new List<DialBlock>();
        var cooling = new List<DialBlock>(_cooldowns.Count);
        foreach (var (block, until) in _cooldowns)
        {
            if (now >= until) expired.Add(block);
            else cooling.Add(block);
        }
        foreach (var block in expired) _cooldowns.Remove(block);
        return cooling;
    }

    /// <summary>
    /// Each promoted model to every live GPU node, once a node's manifest shows the model (the training
    /// node writes it). Promoted models are the planner's first priority.
    /// </summary>
    private List<FileOrder> ModelOrders(ClusterSnapshot snapshot, IReadOnlyList<PromotedModel> promoted)
    {
        var orders = new List<FileOrder>();
        foreach (var model in promoted)
        {
            var path = ModelPaths.Of(model.Config, model.Generation);
            if (FindHash(snapshot, path) is not { } hash) continue;
            for (var i = 0; i < snapshot.Nodes.Length; i++)
                if (snapshot.Nodes[i].Alive && _cluster[ProfileIndex(snapshot.Nodes[i].Node)].HasGpu)
                    orders.Add(FileOrder.Model(snapshot.Nodes[i].Node, path, hash));
        }
        return orders;
    }

    private static ContentHash? FindHash(ClusterSnapshot snapshot, string path)
    {
        foreach (var node in snapshot.Nodes)
            if (node.Manifest.TryGet(path, out var entry)) return entry.Hash;
        return null;
    }

    private int ProfileIndex(NodeId node)
    {
        for (var i = 0; i < _cluster.Length; i++)
            if (_cluster[i].Node == node) return i;
        throw new InvariantViolationException("no host " + node);
    }

    /// <summary>Groups transfers by the node that opens the connection, in node-id order, in messages of at most <see cref="TransferOrder.TransfersMax"/>.</summary>
    private void SendOrders(long epoch, ImmutableArray<Transfer> transfers)
    {
        var byInitiator = new SortedDictionary<NodeId, List<Transfer>>();
        foreach (var transfer in transfers)
        {
            var initiator = transfer.Initiator == TransferInitiator.Target ? transfer.Target : transfer.Source;
            if (!byInitiator.TryGetValue(initiator, out var list)) byInitiator.Add(initiator, list = new List<Transfer>());
            list.Add(transfer);
        }
        foreach (var (node, list) in byInitiator)
            for (var start = 0; start < list.Count; start += TransferOrder.TransfersMax)
            {
                var count = System.Math.Min(TransferOrder.TransfersMax, list.Count - start);
                _outbox.Send(new Outbound(node, new TransferOrder(epoch, ImmutableArray.CreateRange(list.GetRange(start, count))), IsResponse: true));
            }
    }
}
