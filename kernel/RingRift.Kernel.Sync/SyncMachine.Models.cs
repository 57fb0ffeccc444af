namespace RingRift.Kernel.Sync;

/// <summary>The leader's model-staleness rule, read by placement: what the last plan saw of who holds which model.</summary>
public sealed partial class SyncMachine
{
    private ClusterSnapshot? _planned;

    /// <summary>
    /// Whether the leader may place selfplay that plays <paramref name="modelPath"/> (a config's promoted
    /// model) on <paramref name="node"/>. No while the node lacks the model and another live node holds
    /// it, by the manifests of the last plan: a promoted model is the planner's first priority and is on
    /// its way, so the node takes other work meanwhile (selfplay on the older model is wasted games). Yes
    /// when the node holds it, or when no other live node does (nothing to wait for: the one copy is on
    /// a node cut off, and the config keeps playing on the model every node has). Yes when not leading.
    /// </summary>
    public bool MayRunSelfplay(NodeId node, string modelPath)
    {
        if (!_leading || _planned is not { } snapshot) return true;
        var index = snapshot.IndexOf(node);
        if (index < 0 || snapshot.Nodes[index].Manifest.TryGet(modelPath, out _)) return true;
        foreach (var other in snapshot.Nodes)
            if (other.Alive && other.Manifest.TryGet(modelPath, out _)) return false;
        return true;
    }
}
