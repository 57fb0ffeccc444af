namespace RingRift.Kernel.Scheduling;

/// <summary>Operator request: run <paramref name="Job"/> on this node now.</summary>
public sealed record LaunchJob(JobSpec Job) : Command
{
    public override string Name => "launch_job";
}
