namespace RingRift.Adapters.Sqlite;

/// <summary>
/// One row of the <c>jobs</c> table: a job this node launched, with the process id and the kernel's
/// start time of that process (so a restarted host can tell its own orphan from a recycled pid).
/// </summary>
public sealed record JobRecord(
    string JobId,
    string JobType,
    string NodeId,
    string Config,
    int? Pid,
    long? ProcessStartTicks,
    string Status);
