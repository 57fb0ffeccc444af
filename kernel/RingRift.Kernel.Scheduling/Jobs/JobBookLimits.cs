namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The bounds of a <see cref="JobBook"/>: live jobs at most <see cref="JobsMax"/> (enqueues beyond it are
/// refused), nodes at most <see cref="NodesMax"/>, ended job ids remembered for idempotent completions
/// <see cref="FinishedRememberedMax"/>, executions per job <see cref="AttemptsMax"/>.
/// </summary>
public sealed record JobBookLimits(int JobsMax, int NodesMax, int FinishedRememberedMax, int AttemptsMax)
{
    public static readonly JobBookLimits Default = new(JobsMax: 20_000, NodesMax: 4096, FinishedRememberedMax: 16_384, AttemptsMax: 3);
}
