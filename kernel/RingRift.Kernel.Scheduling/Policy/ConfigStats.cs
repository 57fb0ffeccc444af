namespace RingRift.Kernel.Scheduling;

/// <summary>
/// What the scheduler knows about one selfplay configuration when it weighs the next pick, all
/// cluster-wide: games played in total and since the last training; the Elo gap to the target (target
/// minus current Elo; zero or negative once the target is reached); the curriculum weight (1.0 =
/// neutral); how long since a selfplay job of this config last ran (zero while one runs,
/// <see cref="Duration.MaxValue"/> if none ever did); and its pending (queued, not yet placed) and
/// running selfplay jobs.
/// </summary>
public sealed record ConfigStats(
    SelfplayConfig Config,
    long Games,
    long GamesSinceTraining,
    int EloGap,
    Ratio CurriculumWeight,
    Duration SinceLastSelfplay,
    int PendingJobs,
    int RunningJobs);
