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
    bool RunningTraining = false)
{
    /// <summary>
    /// A candidate from a node's static profile and the leader's reservations on it: slots are
    /// <see cref="GpuPowerRanking.TargetSelfplayJobs"/> minus the jobs reserved or running there; VRAM
    /// is the profile's (per GPU × GPUs) minus reserved VRAM; RAM is the profile's minus reserved RAM
    /// minus <see cref="SchedulingPolicy.NodeRamReserve"/>; none goes below zero. Disk free and GPU
    /// health come from the node's latest <see cref="ResourceSample"/>.
    /// </summary>
    public static NodeCandidate FromProfile(
        NodeProfile profile,
        GpuHealth health,
        ByteSize diskFree,
        int jobsReserved,
        ByteSize vramReserved,
        ByteSize ramReserved,
        bool runningTraining,
        bool draining,
        bool quarantined,
        SchedulingPolicy policy)
    {
        var gpu = GpuPowerRanking.FromProfile(profile.Gpu);
        var slots = GpuPowerRanking.TargetSelfplayJobs(gpu, profile.Gpu.Count, policy) - jobsReserved;
        var vram = ByteSize.FromGigabytes((long)profile.Gpu.VramGb * profile.Gpu.Count) - vramReserved;
        var ram = ByteSize.FromGigabytes(profile.MemoryGb) - ramReserved - policy.NodeRamReserve;
        return new NodeCandidate(
            profile.Node, gpu, health, NotNegative(vram), NotNegative(ram), NotNegative(diskFree),
            System.Math.Max(0, slots), draining, quarantined, runningTraining);
    }

    private static ByteSize NotNegative(ByteSize size) => size.Bytes < 0 ? ByteSize.Zero : size;
}
