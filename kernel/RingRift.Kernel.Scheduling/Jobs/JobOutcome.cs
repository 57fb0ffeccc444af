namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>How a job's execution ended on its node.</summary>
public enum JobOutcome : byte
{
    Succeeded = 0,
    Failed = 1,
    /// <summary>The process never started: the assignment goes back to pending without using an attempt.</summary>
    NeverStarted = 2,
    /// <summary>
    /// The worker killed it itself (or saw it end) after its work lease lapsed: the leader may already
    /// have retried it, so its output never counts; a leader that still holds it there treats it as lost.
    /// </summary>
    Fenced = 3,
    /// <summary>
    /// The execution died with its node (a crash): the restarted node found it in its journal of jobs
    /// not yet acknowledged. Whatever it produced is gone; the leader treats it as it treats a fenced end.
    /// </summary>
    DiedWithNode = 4,
}
