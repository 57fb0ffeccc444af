namespace RingRift.Kernel.Monitoring;

/// <summary>
/// What the monitor samples each interval: the host's last resource sample, the selfplay jobs this node
/// runs, and — on the leader only — the pending jobs in its book (null elsewhere). A null game count
/// (the host counts none) turns stall detection off. <see cref="HeartbeatDelay"/> is the round trip of the
/// node's alert report to the leader (<see cref="LeaderRoundTrip"/>); null on the leader itself and before
/// one was measured.
/// </summary>
public readonly record struct MonitorSample(
    Ratio DiskUsed, Ratio MemoryUsed, long? GamesWritten, int SelfplayRunning, int? PendingJobs, Duration? HeartbeatDelay = null);
