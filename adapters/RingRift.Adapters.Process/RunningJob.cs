using System.Threading;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>A job process this host started and still owns: the handle its count is taken from.</summary>
internal sealed class RunningJob(JobSpec job, System.Diagnostics.Process process, StderrTail stderr, LastLine stdout)
{
    private int _terminationRequested;

    public JobSpec Job { get; } = job;
    public System.Diagnostics.Process Process { get; } = process;
    public StderrTail Stderr { get; } = stderr;
    public LastLine Stdout { get; } = stdout;
    public int Pid { get; } = process.Id;

    public bool TerminationRequested => Volatile.Read(ref _terminationRequested) == 1;

    public void MarkTerminationRequested() => Volatile.Write(ref _terminationRequested, 1);
}
