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

/// <summary>
/// The process ended. <see cref="Killed"/> is true when a Terminate, its lease deadline
/// (<see cref="Launch.LeaseEnd"/>) or the OOM killer ended it.
/// </summary>
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

/// <summary>The leased jobs' kill deadlines were moved (<see cref="ExtendJobLeases"/>).</summary>
public sealed record JobLeasesExtended : EffectOutcome
{
    public static readonly JobLeasesExtended Instance = new();
}

/// <summary>The job's processes are gone.</summary>
public sealed record Terminated : EffectOutcome
{
    public static readonly Terminated Instance = new();
}

/// <summary>
/// The transfer's bytes are stored at the target. <see cref="FileComplete"/> is true when the target
/// now holds the whole file and its hash was verified against the spec's (the file is in place, whole
/// or absent); a chunk that leaves the file incomplete reports false.
/// </summary>
public sealed record TransferCompleted(long Bytes, bool FileComplete) : EffectOutcome;

/// <summary>The transfer ended without storing its bytes; nothing partial is ever visible at the target.</summary>
public sealed record TransferFailed(TransferFailure Failure, string Reason) : EffectOutcome;

/// <summary>A <see cref="CancelTransfer"/> took effect (or the transfer had already ended).</summary>
public sealed record TransferCancelled : EffectOutcome
{
    public static readonly TransferCancelled Instance = new();
}

/// <summary>A <see cref="DeleteFile"/> ended: true when the file was there with the expected hash and is gone.</summary>
public sealed record FileDeleted(bool Deleted) : EffectOutcome;
