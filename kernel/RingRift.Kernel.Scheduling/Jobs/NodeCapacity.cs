namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// How much work a node takes at once, in job slots: <see cref="Slots"/> is the policy's selfplay target
/// for its GPU class (<see cref="GpuPowerRanking.TargetSelfplayJobs"/>: up to 4 selfplay processes share
/// one GPU, as the original ran them), and <see cref="SlotsPerGpu"/> the share of one GPU. A selfplay or
/// gauntlet process takes one slot; a training takes a whole GPU, so all of one GPU's slots.
/// </summary>
public readonly record struct NodeCapacity(int Slots, int SlotsPerGpu)
{
    /// <summary>A node that takes no dispatched work (no GPU, or a proxy).</summary>
    public static readonly NodeCapacity None = new(0, 0);

    /// <summary>The capacity of <paramref name="gpus"/> GPUs of <paramref name="gpu"/> class under the policy.</summary>
    public static NodeCapacity Of(GpuClass gpu, int gpus, SchedulingPolicy policy)
    {
        if (gpu == GpuClass.None || gpus <= 0) return None;
        var slots = System.Math.Min(SchedulingConfig.JobsPerMessageMax, GpuPowerRanking.TargetSelfplayJobs(gpu, gpus, policy));
        return new NodeCapacity(slots, System.Math.Max(1, slots / gpus));
    }

    /// <summary>The slots one job of <paramref name="kind"/> takes here: one GPU's share for a training, else one.</summary>
    public int SlotsTaken(JobKind kind) => kind == JobKind.Training ? SlotsPerGpu : 1;
}
