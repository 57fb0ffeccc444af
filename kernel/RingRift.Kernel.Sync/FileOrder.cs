namespace RingRift.Kernel.Sync;

/// <summary>
/// "This file must be at this node", from the scheduler: a promoted model for a node that plays its
/// config (<see cref="SyncPriority.PromotedModel"/>) or an input of a training run
/// (<see cref="SyncPriority.TrainingInput"/>). Game replication is not ordered: the planner derives it.
/// An order already satisfied (the target holds path and hash) plans nothing.
/// </summary>
public sealed record FileOrder(NodeId Target, string Path, ContentHash Hash, SyncPriority Priority)
{
    public static FileOrder Model(NodeId target, string path, ContentHash hash) => new(target, path, hash, SyncPriority.PromotedModel);

    public static FileOrder TrainingInput(NodeId target, string path, ContentHash hash) =>
        new(target, path, hash, SyncPriority.TrainingInput);
}
