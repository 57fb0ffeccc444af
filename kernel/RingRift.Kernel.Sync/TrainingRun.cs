namespace RingRift.Kernel.Sync;

/// <summary>
/// A training job of one board config that the scheduler holds on a node (assigned or running): while it
/// lasts, the config's training files (<see cref="FileKind.TrainingNpz"/>) must be on that node.
/// </summary>
public readonly record struct TrainingRun(string Config, NodeId Node);
