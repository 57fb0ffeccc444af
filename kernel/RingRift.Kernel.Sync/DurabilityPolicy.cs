namespace RingRift.Kernel.Sync;

/// <summary>
/// The one rule for deleting data, from the original's losses (235K games deleted by a
/// consolidation, 138 GB by a mirroring backup, whole directories after "any" sync succeeded): a node
/// may delete a file only when the canonical store and at least <c>replicasMin</c> other live nodes
/// hold the same path with the same content hash, the canonical store is not the node itself, and no
/// running transfer reads or writes that file on that node. A manifest's hashes are those the holder
/// verified after writing or receiving, so a counted copy is a verified one. Deletions are never
/// mirrored: a file missing from one manifest never causes a deletion anywhere else.
/// </summary>
public static class DurabilityPolicy
{
    /// <summary>True when <paramref name="node"/> may delete its copy of (<paramref name="path"/>, <paramref name="hash"/>) now.</summary>
    public static bool MayDelete(ClusterSnapshot snapshot, NodeId node, string path, ContentHash hash, int replicasMin)
    {
        Invariant.True(replicasMin >= 2);
        var self = snapshot.IndexOf(node);
        var canonical = snapshot.CanonicalIndex;
        if (self < 0 || canonical < 0 || self == canonical) return false;
        if (!snapshot.Nodes[self].Manifest.Holds(path, hash)) return false;
        var store = snapshot.Nodes[canonical];
        if (!store.Alive || !store.Manifest.Holds(path, hash)) return false;
        foreach (var running in snapshot.InFlight)
            if ((running.Source == node || running.Target == node) && running.Path == path) return false;
        var replicas = 0;
        for (var i = 0; i < snapshot.Nodes.Length; i++)
        {
            var other = snapshot.Nodes[i];
            if (i != self && i != canonical && other.Alive && other.Manifest.Holds(path, hash)) replicas++;
        }
        return replicas >= replicasMin;
    }
}
