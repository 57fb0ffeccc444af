namespace RingRift.Kernel;

/// <summary>How an effect ended. Failures are ordinary outcomes, never exceptions.</summary>
public abstract record EffectOutcome
{
    private protected EffectOutcome() { }
}

/// <summary>The persisted state is durable.</summary>
public sealed record Persisted : EffectOutcome
{
    public static readonly Persisted Instance = new();
}

/// <summary>The write did not become durable (disk full, fsync failed).</summary>
public sealed record PersistFailed(string Reason) : EffectOutcome;

/// <summary>The process ended. <see cref="Killed"/> is true when a Terminate or the OOM killer ended it.</summary>
public sealed record ProcessExited(int ExitCode, bool Killed, string StderrTail) : EffectOutcome
{
    public bool Succeeded => ExitCode == 0 && !Killed;

    /// <summary>
    /// The job's one-number result, read by the host from the job's output: games written (selfplay),
    /// the trained model's sample count (training), or the candidate's win rate in basis points
    /// (gauntlet). 0 when the job produced nothing.
    /// </summary>
    public long Output { get; init; }
}

/// <summary>The process never started (bad command, no GPU, out of memory at start).</summary>
public sealed record LaunchFailed(string Reason) : EffectOutcome;

/// <summary>The job's processes are gone.</summary>
public sealed record Terminated : EffectOutcome
{
    public static readonly Terminated Instance = new();
}
