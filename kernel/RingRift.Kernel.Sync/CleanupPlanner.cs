using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// Which game files nodes above their warning disk level should delete to get back below it, under
/// <see cref="DurabilityPolicy"/>. Pure. Nodes are taken in id order and files in path order; every
/// deletion planned — in this plan or still <c>pending</c> from an earlier one — is subtracted from the
/// copies the next decision counts, so two nodes never both delete on the strength of each other's copy.
/// Only games are deleted (models and training files are not the cleanup's); files a
/// <see cref="FileOrder"/> sends to a node and files a running transfer reads or writes are kept; the
/// canonical store never deletes. Nodes at normal level delete nothing.
/// </summary>
public static class CleanupPlanner
{
    /// <summary>The most deletions one plan holds.</summary>
    public const int DeletionsMax = 100_000;

    public static ImmutableArray<Deletion> Plan(ClusterSnapshot snapshot, IReadOnlyList<FileOrder> orders, SyncPolicy policy) =>
        Plan(snapshot, orders, policy, []);

    /// <summary>
    /// As above, with deletions ordered earlier counted as done: the copies they remove are not counted, and
    /// the bytes they free (whether or not the node's free space shows it yet) are not freed again.
    /// </summary>
    public static ImmutableArray<Deletion> Plan(
        ClusterSnapshot snapshot, IReadOnlyList<FileOrder> orders, SyncPolicy policy, IReadOnlyCollection<Deletion> pending)
    {
        Invariant.True(policy.Validate().Count == 0);
        var index = snapshot.Index;
        var keep = new HashSet<long>();
        foreach (var order in orders)
        {
            int file = index.Find(order.Path, order.Hash), target = snapshot.IndexOf(order.Target);
            if (file >= 0 && target >= 0) keep.Add(Pair(file, target));
        }
        foreach (var running in snapshot.InFlight)
        {
            var file = index.Find(running.Path, running.Hash);
            if (file < 0) continue;
            int source = snapshot.IndexOf(running.Source), target = snapshot.IndexOf(running.Target);
            if (source >= 0) keep.Add(Pair(file, source));
            if (target >= 0) keep.Add(Pair(file, target));
        }
        var removed = new HashSet<long>();
        var freeing = new long[snapshot.Nodes.Length];
        foreach (var deletion in pending)
        {
            int file = index.Find(deletion.Path, deletion.Hash), node = snapshot.IndexOf(deletion.Node);
            if (node < 0) continue;
            freeing[node] += deletion.Size.Bytes;
            if (file >= 0) removed.Add(Pair(file, node));
        }
        var deletions = ImmutableArray.CreateBuilder<Deletion>();
        for (var node = 0; node < snapshot.Nodes.Length && deletions.Count < DeletionsMax; node++)
            PlanNode(snapshot, policy, index, keep, removed, deletions, node, freeing[node]);
        return deletions.ToImmutable();
    }

    private static void PlanNode(
        ClusterSnapshot snapshot, SyncPolicy policy, FileIndex index, HashSet<long> keep, HashSet<long> removed,
        ImmutableArray<Deletion>.Builder deletions, int node, long freeing)
    {
        var info = snapshot.Nodes[node];
        if (!info.Alive || node == snapshot.CanonicalIndex) return;
        if (policy.Disk.Level(info.DiskTotal, info.DiskFree) == DiskLevel.Normal) return;
        var toFree = policy.Disk.WarningReserve(info.DiskTotal).Bytes - info.DiskFree.Bytes - freeing;
        var entries = info.Manifest.Entries;
        for (var e = 0; e < entries.Length && toFree > 0 && deletions.Count < DeletionsMax; e++)
        {
            var entry = entries[e];
            if (entry.Kind != FileKind.GameDb) continue;
            var file = index.Find(entry.Path, entry.Hash);
            if (keep.Contains(Pair(file, node)) || removed.Contains(Pair(file, node)) || !Durable(snapshot, index, removed, file, node, policy.ReplicasMin)) continue;
            removed.Add(Pair(file, node));
            deletions.Add(new Deletion(info.Node, entry.Path, entry.Hash, entry.Size));
            toFree -= entry.Size.Bytes;
        }
    }

    /// <summary><see cref="DurabilityPolicy.MayDelete"/> on the index, with this plan's deletions already subtracted.</summary>
    private static bool Durable(ClusterSnapshot snapshot, FileIndex index, HashSet<long> removed, int file, int node, int replicasMin)
    {
        var canonical = snapshot.CanonicalIndex;
        if (canonical < 0 || !snapshot.Nodes[canonical].Alive) return false;
        var canonicalHolds = false;
        var replicas = 0;
        for (var link = index.FirstHolder(file); link >= 0; link = index.NextHolder(link))
        {
            var holder = index.HolderNode(link);
            if (holder == node || !snapshot.Nodes[holder].Alive || removed.Contains(Pair(file, holder))) continue;
            if (holder == canonical) canonicalHolds = true;
            else replicas++;
        }
        return canonicalHolds && replicas >= replicasMin;
    }

    private static long Pair(int file, int node) => ((long)file << 32) | (uint)node;
}
