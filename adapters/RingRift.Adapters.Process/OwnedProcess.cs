namespace RingRift.Adapters.Process;

/// <summary>A job's process as recorded: its id, and its start time in clock ticks since boot (/proc/PID/stat field 22).</summary>
public sealed record OwnedProcess(string JobId, int Pid, long StartTicks);
