namespace RingRift.Kernel.Scaling;

/// <summary>A managed node as the planner sees it: its facts, how long it has held no job, whether it drains.</summary>
public readonly record struct ScalingNodeView(ScalingNodeFacts Facts, Duration Idle, bool Draining);
