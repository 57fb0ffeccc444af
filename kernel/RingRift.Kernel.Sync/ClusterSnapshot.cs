using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// An immutable view of the cluster for one planning round: every node (held in node-id order
/// whatever order it was given in, so the plan never depends on input order), the canonical store
/// (the coordinator; null when the cluster has none), the known one-way cuts, and the transfers
/// already running, which keep their slots and are not planned again.
/// Who can dial whom: a live node can dial a live peer unless the peer is NAT-blocked or a
/// <see cref="DialBlock"/> cuts that direction.
/// </summary>
public sealed class ClusterSnapshot
{
    public const int NodesMax = 4096;
    public const int BlockedMax = 1_000_000;

    private readonly HashSet<long> _blocked;
    private readonly IndexCache _index;

    private ClusterSnapshot(
        ImmutableArray<NodeSnapshot> nodes, NodeId? canonical, int canonicalIndex, HashSet<long> blocked,
        ImmutableArray<DialBlock> blocks, ImmutableArray<Transfer> inFlight, IndexCache? index = null)
    {
        _index = index ?? new IndexCache();
        Nodes = nodes;
        CanonicalStore = canonical;
        CanonicalIndex = canonicalIndex;
        _blocked = blocked;
        Blocked = blocks;
        InFlight = inFlight;
    }

    /// <summary>In node-id order, one per node.</summary>
    public ImmutableArray<NodeSnapshot> Nodes { get; }

    public NodeId? CanonicalStore { get; }

    /// <summary>The canonical store's index in <see cref="Nodes"/>, or -1 when it is none of them.</summary>
    public int CanonicalIndex { get; }

    public ImmutableArray<DialBlock> Blocked { get; }

    public ImmutableArray<Transfer> InFlight { get; }

    /// <summary>Builds a snapshot; nodes, cuts and transfers in any order. Node ids must be unique.</summary>
    public static ClusterSnapshot Create(
        IEnumerable<NodeSnapshot> nodes, NodeId? canonicalStore,
        IEnumerable<DialBlock>? blocked = null, IEnumerable<Transfer>? inFlight = null)
    {
        var sorted = ImmutableArray.CreateRange(nodes).Sort(NodeOrder.Instance);
        Invariant.True(sorted.Length <= NodesMax);
        for (var i = 0; i < sorted.Length; i++)
        {
            Invariant.True(sorted[i].Manifest.Node == sorted[i].Node);
            Invariant.True(i == 0 || sorted[i - 1].Node < sorted[i].Node);
        }
        var blocks = blocked is null ? ImmutableArray<DialBlock>.Empty : ImmutableArray.CreateRange(blocked);
        Invariant.True(blocks.Length <= BlockedMax);
        var running = inFlight is null ? ImmutableArray<Transfer>.Empty : ImmutableArray.CreateRange(inFlight);
        Invariant.True(running.Length <= SyncPolicy.PlanTransfersWireMax);
        var snapshot = new ClusterSnapshot(sorted, canonicalStore, -1, new HashSet<long>(), blocks, running);
        var canonicalIndex = canonicalStore is { } store ? snapshot.IndexOf(store) : -1;
        var set = new HashSet<long>(blocks.Length);
        foreach (var block in blocks)
        {
            int from = snapshot.IndexOf(block.From), to = snapshot.IndexOf(block.To);
            if (from >= 0 && to >= 0) set.Add(Pair(from, to));
        }
        return new ClusterSnapshot(sorted, canonicalStore, canonicalIndex, set, blocks, running);
    }

    /// <summary>
    /// The same cluster with other transfers in flight, e.g. after one failed: nodes, manifests and cuts
    /// are shared, and so is the planners' file index, so a re-plan does not rebuild it.
    /// </summary>
    public ClusterSnapshot WithInFlight(IEnumerable<Transfer> inFlight)
    {
        var running = ImmutableArray.CreateRange(inFlight);
        Invariant.True(running.Length <= SyncPolicy.PlanTransfersWireMax);
        return new ClusterSnapshot(Nodes, CanonicalStore, CanonicalIndex, _blocked, Blocked, running, _index);
    }

    /// <summary>
    /// This snapshot, sharing <paramref name="previous"/>'s file index when every node's manifest is the very
    /// same (immutable) one: the index is a function of the manifests alone, so a plan made after a change of
    /// disks, membership, cuts or transfers only does not rebuild it.
    /// </summary>
    public ClusterSnapshot SharingIndexWith(ClusterSnapshot? previous)
    {
        if (previous is null || previous._index == _index || previous.Nodes.Length != Nodes.Length) return this;
        for (var i = 0; i < Nodes.Length; i++)
            if (!ReferenceEquals(previous.Nodes[i].Manifest, Nodes[i].Manifest)) return this;
        return new ClusterSnapshot(Nodes, CanonicalStore, CanonicalIndex, _blocked, Blocked, InFlight, previous._index);
    }

    /// <summary>The planners' inverted manifest, built on first use and shared by every snapshot derived by <see cref="WithInFlight"/>.</summary>
    internal FileIndex Index => _index.Value ??= FileIndex.Build(this);

    /// <summary>The index of <paramref name="node"/> in <see cref="Nodes"/>, or -1.</summary>
    public int IndexOf(NodeId node)
    {
        int low = 0, high = Nodes.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var order = Nodes[mid].Node.CompareTo(node);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return -1;
    }

    /// <summary>True when node <paramref name="from"/> can open a connection to node <paramref name="to"/> (indices).</summary>
    public bool CanDial(int from, int to)
    {
        if (from == to) return false;
        var target = Nodes[to];
        if (!target.Alive || target.NatBlocked || !Nodes[from].Alive) return false;
        return _blocked.Count == 0 || !_blocked.Contains(Pair(from, to));
    }

    public bool CanDial(NodeId from, NodeId to)
    {
        int a = IndexOf(from), b = IndexOf(to);
        return a >= 0 && b >= 0 && CanDial(a, b);
    }

    private static long Pair(int from, int to) => ((long)from << 32) | (uint)to;

    /// <summary>A holder, so that snapshots sharing manifests share one lazily built index.</summary>
    private sealed class IndexCache
    {
        public FileIndex? Value;
    }

    private sealed class NodeOrder : IComparer<NodeSnapshot>
    {
        public static readonly NodeOrder Instance = new();

        public int Compare(NodeSnapshot? x, NodeSnapshot? y) => x!.Node.CompareTo(y!.Node);
    }
}
