using RingRift.Kernel.Monitoring;

namespace RingRift.Simulator.Engine.Operations;

/// <summary>One raised alert awaiting the ground truth's verdict until <see cref="Deadline"/> (its horizon).</summary>
internal sealed class AlertJudgement(int node, AlertKind kind, long deadline)
{
    public int Node { get; } = node;
    public AlertKind Kind { get; } = kind;
    public long Deadline { get; } = deadline;
}
