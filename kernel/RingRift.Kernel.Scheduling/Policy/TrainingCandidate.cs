namespace RingRift.Kernel.Scheduling;

/// <summary>
/// One config's training history as the readiness check needs it: games in total and since the last
/// training started, whether it was ever trained, how long since the last training of it was created,
/// started or finished (<see cref="Duration.MaxValue"/> if never), and whether one is queued or
/// running now. Comes from persisted state, so a new leader sees the same history.
/// </summary>
public readonly record struct TrainingCandidate(
    SelfplayConfig Config,
    long Games,
    long GamesSinceTraining,
    bool EverTrained,
    Duration SinceLastTraining,
    bool InFlight);
