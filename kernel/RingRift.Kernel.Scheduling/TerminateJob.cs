namespace RingRift.Kernel.Scheduling;

/// <summary>Operator request: kill the job's process tree on this node.</summary>
public sealed record TerminateJob(JobId Job) : Command
{
    public override string Name => "terminate_job";
}
