namespace RingRift.Kernel.Monitoring;

/// <summary>
/// What the healer may do to jobs, implemented by the node over dispatch's job book: terminate one
/// stuck job on a node so that it is retried. No method restarts or fences a node.
/// </summary>
public interface IStuckJobHealer
{
    /// <summary>Terminates the longest-running selfplay job the book holds running on <paramref name="node"/>; null when there is none.</summary>
    JobId? TerminateStuckSelfplay(NodeId node, Instant now, string reason);
}
