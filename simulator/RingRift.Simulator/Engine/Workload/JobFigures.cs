using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// The dispatch figures of a run with a workload. Busy fraction and idle-to-work times ignore the warm-up;
/// the rest cover the whole run. <see cref="ConfigShareMinOverMaxBasisPoints"/> is the least-served config's
/// games over the best-served config's, in basis points (10,000 = perfectly even). The job counts count
/// executions (one launch of a job's process on a node), not job ids, except where said:
/// <see cref="JobsCompleted"/> the job ids whose process exited cleanly at least once (the process layer's
/// truth); <see cref="JobsLost"/> the executions a leader found gone without an ending (node crashed or
/// silent past the work lease, fenced, killed for a GPU quarantine or past its runtime cap), each once: a
/// job lost on two nodes counts 2, an assignment that never started counts 0; <see cref="JobsRetried"/> those
/// lost executions after which the job went back to pending (a job out of attempts, or overdue, is lost
/// and not retried); <see cref="JobsDuplicated"/> the launches of a job while an execution of it still ran
/// (anywhere), plus the clean exits of a job that had exited cleanly before.
/// </summary>
public sealed record JobFigures(
    int GpuBusyBasisPoints,
    long IdleGpuSecondsWhilePending,
    Duration IdleToWorkP50,
    Duration IdleToWorkP99,
    int IdleToWorkSamples,
    long JobsCompleted,
    long JobsLost,
    long JobsDuplicated,
    long JobsRetried,
    int MaxJobsOverSlots,
    int ConfigShareMinOverMaxBasisPoints,
    ImmutableArray<long> GamesPerHourByConfig,
    long TrainingCycles,
    long Promotions,
    ImmutableArray<Duration> PromotionToDistributed,
    long DispatchStallAlarms)
{
    /// <summary>Of the slot-seconds run after warm-up (a training holding a GPU's slots), the share that was selfplay, in basis points.</summary>
    public int SelfplayShareBasisPoints { get; init; }

    /// <summary>Selfplay jobs a leader stopped to make room for a training (their games so far count).</summary>
    public long SelfplayPreempted { get; init; }

    /// <summary>Equal when every figure is, the lists compared element by element (not by reference).</summary>
    public bool Equals(JobFigures? other) =>
        other is not null
        && (GpuBusyBasisPoints, IdleGpuSecondsWhilePending, IdleToWorkP50, IdleToWorkP99, IdleToWorkSamples, JobsCompleted, JobsLost)
           == (other.GpuBusyBasisPoints, other.IdleGpuSecondsWhilePending, other.IdleToWorkP50, other.IdleToWorkP99,
               other.IdleToWorkSamples, other.JobsCompleted, other.JobsLost)
        && (JobsDuplicated, JobsRetried, MaxJobsOverSlots, ConfigShareMinOverMaxBasisPoints, TrainingCycles, Promotions, DispatchStallAlarms)
           == (other.JobsDuplicated, other.JobsRetried, other.MaxJobsOverSlots, other.ConfigShareMinOverMaxBasisPoints,
               other.TrainingCycles, other.Promotions, other.DispatchStallAlarms)
        && (SelfplayShareBasisPoints, SelfplayPreempted) == (other.SelfplayShareBasisPoints, other.SelfplayPreempted)
        && GamesPerHourByConfig.SequenceEqual(other.GamesPerHourByConfig)
        && PromotionToDistributed.SequenceEqual(other.PromotionToDistributed);

    public override int GetHashCode() => System.HashCode.Combine(GpuBusyBasisPoints, JobsCompleted, Promotions, GamesPerHourByConfig.Length);
}
