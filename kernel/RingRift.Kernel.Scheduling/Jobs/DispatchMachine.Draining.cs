using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    /// <summary>
    /// Nodes the auto-scaler is draining before it decommissions them: nothing new is placed there, what
    /// runs finishes. Null (the default) drains nothing. The set is owned and changed by its setter's owner.
    /// </summary>
    public IReadOnlySet<NodeId>? DrainingNodes { get; set; }

    private bool IsDraining(NodeId node) => DrainingNodes is { } draining && draining.Contains(node);
}
