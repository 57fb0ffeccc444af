namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// Where a job is in the leader's book. Live: Pending (waiting for a node), Assigned (sent to a node
/// at an epoch, slot reserved, not yet seen running), Running (a node reported it). Ended: Completed,
/// Failed (with a reason). Lost is transient: a running job whose node died or stopped reporting it
/// goes back to Pending (a retry) or, out of attempts, to Failed.
/// </summary>
public enum JobState : byte
{
    Pending = 0,
    Assigned = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
}
