namespace RingRift.Kernel;

/// <summary>
/// One machine's health in the seed's shape (<c>health_check()</c>): a flag, a message, and counters —
/// cycles completed, the last cycle's local time, errors, and the average interval between cycles (a
/// pure kernel measures no CPU time, so the interval stands where the seed had the average duration).
/// </summary>
public sealed record MachineHealth(
    string Machine, bool Healthy, string Message, long Cycles, Instant? LastRun, long Errors, Duration AverageInterval);
