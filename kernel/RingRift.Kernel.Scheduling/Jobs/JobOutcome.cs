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
}
