namespace RingRift.Kernel.Scheduling;

/// <summary>A job's process was asked to start on this node.</summary>
public sealed record JobLaunched(JobId Job, JobKind Kind, string Config) : Notice
{
    public override string Name => "job_launched";
    public override string Describe() => $"job={Job} kind={Kind} config={Config}";
}

/// <summary>A job's process ended.</summary>
public sealed record JobExited(JobId Job, int ExitCode, bool Killed) : Notice
{
    public override string Name => "job_exited";
    public override string Describe() => $"job={Job} exit={ExitCode} killed={Killed}";
}

/// <summary>A job's process never started.</summary>
public sealed record JobLaunchFailed(JobId Job, string Reason) : Notice
{
    public override string Name => "job_launch_failed";
    public override string Describe() => $"job={Job} reason={Reason}";
}
