namespace RingRift.Kernel.Scheduling;

/// <summary>
/// What one job needs from the node that runs it: one slot, and at least this much free VRAM, RAM
/// and disk. <see cref="Vram"/> of zero means a CPU job, placeable on a node without a GPU; any
/// positive VRAM needs a healthy GPU. Build the usual demands with <see cref="For"/>.
/// </summary>
public readonly record struct JobDemand(JobKind Kind, SelfplayConfig Config, ByteSize Vram, ByteSize Ram, ByteSize Disk)
{
    /// <summary>True when only a node with a healthy GPU can run the job.</summary>
    public bool NeedsGpu => Vram.Bytes > 0;

    /// <summary>The demand of a job of <paramref name="kind"/> for <paramref name="config"/> under <paramref name="policy"/>.</summary>
    public static JobDemand For(JobKind kind, SelfplayConfig config, SchedulingPolicy policy)
    {
        var large = config.IsLargeBoard;
        return kind switch
        {
            JobKind.Selfplay => new(kind, config, large ? policy.SelfplayVramLargeBoard : policy.SelfplayVram, policy.SelfplayRam, policy.SelfplayDisk),
            JobKind.Training => new(kind, config, policy.TrainingVram, policy.TrainingRam, policy.TrainingDisk),
            _ => new(kind, config, policy.GauntletVram, policy.GauntletRam, policy.GauntletDisk),
        };
    }
}
