using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>The leader's orders for training nodes: a run's inputs, second priority after promoted models.</summary>
public sealed partial class SyncMachine
{
    /// <summary>
    /// Each training file (NPZ) of a run's config that some node holds, to the run's node while it is live,
    /// unless that node already has a file at that path (a run may be reading it: never overwritten). Derived
    /// from the runs the scheduler holds at each plan, so the orders end with the run; ordered before game
    /// replication and after promoted models (<see cref="SyncPriority.TrainingInput"/>).
    /// </summary>
    private static void AddTrainingInputOrders(ClusterSnapshot snapshot, IReadOnlyList<TrainingRun> runs, List<FileOrder> orders)
    {
        if (runs.Count == 0) return;
        var index = snapshot.Index;
        for (var file = 0; file < index.Count; file++)
        {
            var entry = index.Entry(file);
            if (entry.Kind != FileKind.TrainingNpz) continue;
            foreach (var run in runs)
                if (run.Config == entry.ConfigKey && LacksPath(snapshot, run.Node, entry.Path))
                    orders.Add(FileOrder.TrainingInput(run.Node, entry.Path, entry.Hash));
        }
    }

    /// <summary>True when <paramref name="node"/> is a live node of the snapshot without a file at <paramref name="path"/>.</summary>
    private static bool LacksPath(ClusterSnapshot snapshot, NodeId node, string path) =>
        snapshot.IndexOf(node) is var at && at >= 0 && snapshot.Nodes[at].Alive && !snapshot.Nodes[at].Manifest.TryGet(path, out _);
}
