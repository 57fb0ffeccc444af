using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Kernel.Node;

/// <summary>The healer's port onto dispatch's job book; does nothing when scheduling is off.</summary>
internal sealed class DispatchHealer(DispatchMachine? dispatch) : IStuckJobHealer
{
    public JobId? TerminateStuckSelfplay(NodeId node, Instant now, string reason) =>
        dispatch?.TerminateStuckSelfplay(node, now, reason);
}
