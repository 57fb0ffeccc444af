namespace RingRift.Kernel.Scheduling;

/// <summary>
/// One node as the leader sees it when placing a job: GPU class and health, what is still free after
/// the leader's own reservations (not the node's last report alone: a stale "0 jobs" must not open
/// slots), and whether it may take work at all. <see cref="SlotsFree"/> counts job slots left.
/// <see cref="RunningTraining"/> is true while a training job is reserved or running on it.
/// </summary>
/// <remarks>
/// A node without a GPU has <see cref="Gpu"/> = <see cref="GpuClass.None"/> and reports
/// <see cref="GpuHealth.Healthy"/>; a node whose GPU is present but not detected reports
/// <see cref="GpuHealth.Misdetected"/>, and is quarantined rather than used as a CPU host.
/// </remarks>
public readonly record struct NodeCandidate(
    NodeId Node,
    GpuClass Gpu,
    GpuHealth Health,
    ByteSize VramFree,
    ByteSize RamFree,
    ByteSize DiskFree,
    int SlotsFree,
    bool Draining,
    bool Quarantined,
    bool RunningTraining = false);
