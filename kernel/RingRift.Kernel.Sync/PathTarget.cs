namespace RingRift.Kernel.Sync;

/// <summary>A path arriving at a node (by index): the unit the planner never writes twice at once.</summary>
internal readonly record struct PathTarget(string Path, int Target);
