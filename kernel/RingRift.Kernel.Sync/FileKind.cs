namespace RingRift.Kernel.Sync;

/// <summary>What a manifested file is. The numbers are the wire encoding.</summary>
public enum FileKind : byte
{
    /// <summary>A selfplay game database: produced once by a worker, replicated until durable.</summary>
    GameDb = 1,

    /// <summary>An exported training file (NPZ): read by the training node of its config.</summary>
    TrainingNpz = 2,

    /// <summary>A model checkpoint: distributed to the nodes that play or evaluate its config.</summary>
    Model = 3,
}
