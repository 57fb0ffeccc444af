using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// Source cleanup, executed: the leader orders deletions of game files the <see cref="CleanupPlanner"/>
/// finds durable on nodes above their warning disk level; each node deletes only what its own manifest
/// holds with the ordered hash and no transfer of its touches, through a <see cref="DeleteFile"/> effect.
/// The removal reaches the manifests as any other does, through the host's report.
/// </summary>
public sealed partial class SyncMachine
{
    private readonly Dictionary<(NodeId Node, string Path), PendingDeletion> _deletions = new();
    private readonly Dictionary<EffectId, string> _deleting = new();
    private Instant? _leadingSince;

    /// <summary>When a new leader's cleanup grace ends, so a plan is due then even if nothing else changed.</summary>
    private Instant? _cleanupDueAt;

    /// <summary>Deletions the leader ordered and has not yet seen in the node's manifest.</summary>
    public int PendingDeletions => _deletions.Count;

    /// <summary>Plans and orders cleanup against <paramref name="snapshot"/> with every ordered transfer counted as running.</summary>
    private void PlanCleanup(Instant now, long epoch, ClusterSnapshot snapshot, IReadOnlyList<FileOrder> orders)
    {
        _leadingSince ??= now;
        if (now - _leadingSince.Value < _config.CleanupGrace)
        {
            _cleanupDueAt = _leadingSince.Value + _config.CleanupGrace;
            return;
        }
        var pending = SettledDeletionsDropped(now, snapshot);
        var running = new List<Transfer>(_inFlight.Count);
        foreach (var flight in _inFlight.Values) running.Add(flight.Transfer);
        var deletions = CleanupPlanner.Plan(snapshot.WithInFlight(running), orders, _config.Policy, pending);
        if (deletions.IsEmpty) return;
        var bytes = 0L;
        foreach (var deletion in deletions)
        {
            _deletions[(deletion.Node, deletion.Path)] = new PendingDeletion(deletion, now, null);
            bytes += deletion.Size.Bytes;
        }
        SendCleanup(epoch, deletions);
        _outbox.Notify(new CleanupPlanned(epoch, deletions.Length, bytes));
    }

    /// <summary>
    /// Forgets deletions whose node has reported its disk since its manifest stopped showing the file (until
    /// then the freed bytes are not yet in its free space, and the planner counts them as freeing), and
    /// deletions ordered longer ago than the order timeout; returns the rest.
    /// </summary>
    private List<Deletion> SettledDeletionsDropped(Instant now, ClusterSnapshot snapshot)
    {
        var settled = new List<(NodeId, string)>();
        var pending = new List<Deletion>(_deletions.Count);
        foreach (var (key, entry) in _deletions)
        {
            var node = snapshot.IndexOf(key.Node);
            var goneAt = entry.GoneAt;
            if (goneAt is null && (node < 0 || !snapshot.Nodes[node].Manifest.Holds(key.Path, entry.Deletion.Hash)))
                _deletions[key] = entry with { GoneAt = goneAt = now };
            if (now - entry.OrderedAt >= _config.OrderTimeout || (goneAt is { } gone && DiskReportedSince(key.Node, gone))) settled.Add(key);
            else pending.Add(entry.Deletion);
        }
        foreach (var key in settled) _deletions.Remove(key);
        return pending;
    }

    private bool DiskReportedSince(NodeId node, Instant at) =>
        node == _self || (_peers.TryGetValue(node, out var peer) && peer.StatusAt > at);

    /// <summary>Groups deletions by node, in node-id order, in messages of at most <see cref="CleanupOrder.DeletionsMax"/>.</summary>
    private void SendCleanup(long epoch, ImmutableArray<Deletion> deletions)
    {
        var byNode = new SortedDictionary<NodeId, List<Deletion>>();
        foreach (var deletion in deletions)
        {
            if (!byNode.TryGetValue(deletion.Node, out var list)) byNode.Add(deletion.Node, list = new List<Deletion>());
            list.Add(deletion);
        }
        foreach (var (node, list) in byNode)
            for (var start = 0; start < list.Count; start += CleanupOrder.DeletionsMax)
            {
                var order = new CleanupOrder(epoch, ImmutableArray.CreateRange(list.GetRange(start, System.Math.Min(CleanupOrder.DeletionsMax, list.Count - start))));
                if (node == _self) OnCleanup(order);
                else _outbox.Send(new Outbound(node, order, IsResponse: true));
            }
    }

    /// <summary>Deletes what is this node's, still held with the ordered hash, a game, and touched by no transfer here.</summary>
    private void OnCleanup(CleanupOrder order)
    {
        foreach (var deletion in order.Deletions)
        {
            if (deletion.Node != _self || !_own.TryGet(deletion.Path, out var entry)) continue;
            if (entry.Hash != deletion.Hash || entry.Kind != FileKind.GameDb || Touches(deletion.Path) || _deleting.ContainsValue(deletion.Path)) continue;
            var id = _outbox.NextEffectId();
            _deleting.Add(id, deletion.Path);
            _outbox.Issue(new DeleteFile(id, deletion.Path, deletion.Hash));
        }
    }

    private bool Touches(string path)
    {
        foreach (var running in _running.Values)
            if (running.Path == path) return true;
        return false;
    }

    /// <summary>One ordered deletion as the leader tracks it; <see cref="GoneAt"/> once the node's manifest no longer shows the file.</summary>
    private readonly record struct PendingDeletion(Deletion Deletion, Instant OrderedAt, Instant? GoneAt);

    /// <summary>True when the completion was one of this node's deletions.</summary>
    private bool OnDeleted(EffectId id, FileDeleted outcome)
    {
        if (!_deleting.Remove(id, out var path)) return false;
        _outbox.Notify(new SourceCleaned(path, outcome.Deleted));
        return true;
    }
}
