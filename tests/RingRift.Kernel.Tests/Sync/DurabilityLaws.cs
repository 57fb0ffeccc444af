using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>The durability rule as laws: cleanup never leaves a file without the canonical store and two other copies.</summary>
public sealed class DurabilityLaws
{
    [Property(MaxTest = 400)]
    public Property Cleanup_NeverDeletesWithoutCanonicalAndTwoReplicas() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var snapshot = s.Snapshot();
        var deletions = CleanupPlanner.Plan(snapshot, s.Orders, s.Policy);
        var deleted = deletions.Select(d => (d.Node, d.Path, d.Hash)).ToHashSet();
        bool Keeps(NodeSnapshot n, Deletion d) => n.Alive && n.Manifest.Holds(d.Path, d.Hash) && !deleted.Contains((n.Node, d.Path, d.Hash));
        return deletions.All(d =>
            d.Node != snapshot.CanonicalStore &&
            DurabilityPolicy.MayDelete(snapshot, d.Node, d.Path, d.Hash, s.Policy.ReplicasMin) &&
            snapshot.CanonicalIndex >= 0 && Keeps(snapshot.Nodes[snapshot.CanonicalIndex], d) &&
            snapshot.Nodes.Count(n => n.Node != snapshot.CanonicalStore && Keeps(n, d)) >= s.Policy.ReplicasMin);
    });

    /// <summary>
    /// Across plans: a first plan's deletions, still in the manifests, are pending for the second; together the
    /// two plans never leave a file without the canonical store and two other copies, and never repeat a deletion.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Cleanup_PendingDeletionsOfAnEarlierPlan_NeverCountedAsCopies() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var snapshot = s.Snapshot();
        var first = CleanupPlanner.Plan(snapshot, s.Orders, s.Policy);
        var second = CleanupPlanner.Plan(snapshot, s.Orders, s.Policy, first);
        var deleted = first.Concat(second).Select(d => (d.Node, d.Path, d.Hash)).ToList();
        var gone = deleted.ToHashSet();
        bool Keeps(NodeSnapshot n, Deletion d) => n.Alive && n.Manifest.Holds(d.Path, d.Hash) && !gone.Contains((n.Node, d.Path, d.Hash));
        return deleted.Count == gone.Count && first.Concat(second).All(d =>
            snapshot.CanonicalIndex >= 0 && Keeps(snapshot.Nodes[snapshot.CanonicalIndex], d) &&
            snapshot.Nodes.Count(n => n.Node != snapshot.CanonicalStore && Keeps(n, d)) >= s.Policy.ReplicasMin);
    });

    /// <summary>Only nodes above their warning level delete, and none deletes what an order sends to it.</summary>
    [Property(MaxTest = 400)]
    public Property Cleanup_OnlyRelievesFullNodesAndKeepsOrderedFiles() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var snapshot = s.Snapshot();
        var ordered = s.Orders.Select(o => (o.Target, o.Path, o.Hash)).ToHashSet();
        return CleanupPlanner.Plan(snapshot, s.Orders, s.Policy).All(d =>
        {
            var node = snapshot.Nodes[snapshot.IndexOf(d.Node)];
            return s.Policy.Disk.Level(node.DiskTotal, node.DiskFree) != DiskLevel.Normal && !ordered.Contains((d.Node, d.Path, d.Hash));
        });
    });

    /// <summary>Deletions are never mirrored: a file gone from one node causes no deletion on a node that is not full.</summary>
    [Property(MaxTest = 200)]
    public Property Cleanup_NeverMirrorsADeletion() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var nodes = s.Nodes.Select(n => n with { DiskFree = n.DiskTotal }).ToList();
        var victim = nodes[0];
        var emptied = victim with { Manifest = Manifest.Empty(victim.Node) };
        var after = ClusterSnapshot.Create(new List<NodeSnapshot>(nodes.Skip(1)) { emptied }, s.Canonical, s.Blocks);
        return CleanupPlanner.Plan(after, s.Orders, s.Policy).IsEmpty;
    });
}
