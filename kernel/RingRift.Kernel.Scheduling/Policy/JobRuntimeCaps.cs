namespace RingRift.Kernel.Scheduling;

/// <summary>
/// The longest a job of each kind may run before it is terminated and recorded as failed ("timeout").
/// Defaults are the original's final, tuned values: selfplay 45 min, training 2 h on small boards and
/// 4 h on large ones (2 h there produced thousands of empty generations), gauntlet 1 h.
/// </summary>
public sealed record JobRuntimeCaps(Duration Selfplay, Duration TrainingSmallBoard, Duration TrainingLargeBoard, Duration Gauntlet)
{
    public static readonly JobRuntimeCaps Default = new(
        Selfplay: Duration.FromMinutes(45),
        TrainingSmallBoard: Duration.FromHours(2),
        TrainingLargeBoard: Duration.FromHours(4),
        Gauntlet: Duration.FromHours(1));

    /// <summary>The cap for a job of <paramref name="kind"/> on <paramref name="config"/>.</summary>
    public Duration For(JobKind kind, SelfplayConfig config) => kind switch
    {
        JobKind.Selfplay => Selfplay,
        JobKind.Training => config.IsLargeBoard ? TrainingLargeBoard : TrainingSmallBoard,
        _ => Gauntlet,
    };
}
