namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>How a job's execution ended on its node.</summary>
public enum JobOutcome : byte
{
    Succeeded = 0,
    Failed = 1,
    /// <summary>The process never started: the assignment goes back to pending without using an attempt.</summary>
    NeverStarted = 2,
}
