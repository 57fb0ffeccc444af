namespace RingRift.Kernel.Sync;

/// <summary>
/// The order in which the planner serves wants: a lower value is planned first and gets transfer
/// slots first. Promoted models come first because a node playing an old model wastes its GPU.
/// </summary>
public enum SyncPriority : byte
{
    PromotedModel = 0,
    TrainingInput = 1,
    GameReplication = 2,
}
