namespace RingRift.Kernel;

/// <summary>
/// Something the host must do outside the kernel. Each effect gets exactly one later
/// <see cref="EffectCompleted"/> with its id (unless the node crashes first).
/// </summary>
public abstract record Effect(EffectId Id)
{
    /// <summary>Stable name, e.g. "persist", "launch".</summary>
    public abstract string Name { get; }
}

/// <summary>
/// Durably store the whole <see cref="State"/>, atomically (whole or absent). Hosts apply persists in
/// id order; a store never replaces a state with a lower <see cref="PersistentState.Version"/>.
/// Completion: <see cref="Persisted"/> once durable (fsync), or <see cref="PersistFailed"/>.
/// </summary>
public sealed record Persist(EffectId Id, PersistentState State) : Effect(Id)
{
    public override string Name => "persist";
}

/// <summary>
/// Start a job process. Completion comes when it ends: <see cref="ProcessExited"/> (exit code, or
/// killed), or <see cref="LaunchFailed"/> if it never started.
/// A leased launch carries <see cref="LeaseEnd"/>, its kill deadline on this node's own clock (the
/// worker's work lease end): the process layer kills the job when its clock passes it, by itself,
/// whatever the kernel is doing (paused, stalled), unless an <see cref="ExtendJobLeases"/> moved it
/// later first. Null for an unleased launch (an operator's), which runs until it ends or is terminated.
/// </summary>
public sealed record Launch(EffectId Id, JobSpec Job, Instant? LeaseEnd = null) : Effect(Id)
{
    public override string Name => "launch";
}

/// <summary>
/// Move the kill deadline of every leased job running on this node to <see cref="Until"/> (a work lease
/// renewal). Never moves one earlier, and never revives a job whose deadline already passed: the
/// process layer killed it then. Completion: <see cref="JobLeasesExtended"/>.
/// </summary>
public sealed record ExtendJobLeases(EffectId Id, Instant Until) : Effect(Id)
{
    public override string Name => "extend_job_leases";
}

/// <summary>Kill a job's whole process tree. Completion: <see cref="Terminated"/> once it is gone.</summary>
public sealed record Terminate(EffectId Id, JobId Job) : Effect(Id)
{
    public override string Name => "terminate";
}

/// <summary>
/// Move bytes [<see cref="TransferSpec.OffsetBytes"/>, +<see cref="TransferSpec.LengthBytes"/>) of one
/// file from its source to its target. The node that receives this effect opens the connection: the
/// target when it pulls (the usual case), the source when it pushes to a target nobody can dial.
/// Completion: <see cref="TransferCompleted"/> once the bytes are stored at the target, or
/// <see cref="TransferFailed"/> (including when a <see cref="CancelTransfer"/> stopped it).
/// </summary>
public sealed record StartTransfer(EffectId Id, TransferSpec Transfer) : Effect(Id)
{
    public override string Name => "start_transfer";
}

/// <summary>
/// Stop a running <see cref="StartTransfer"/> (re-planned, or its target passed a disk level).
/// Completion: <see cref="TransferCancelled"/>; the cancelled transfer itself then completes with
/// <see cref="TransferFailed"/> and <see cref="TransferFailure.Cancelled"/> unless it already ended.
/// </summary>
public sealed record CancelTransfer(EffectId Id, EffectId Transfer) : Effect(Id)
{
    public override string Name => "cancel_transfer";
}

/// <summary>
/// Delete one file of this node's data directory, only if its content still has <see cref="Hash"/>: data
/// sync's source cleanup, ordered only for a game the canonical store and enough replicas hold verified
/// (never a mirrored deletion). The host re-hashes before deleting and reports the removal as usual.
/// Completion: <see cref="FileDeleted"/>; <c>Deleted</c> is false when the file was absent or differs.
/// </summary>
public sealed record DeleteFile(EffectId Id, string Path, ContentHash Hash) : Effect(Id)
{
    public override string Name => "delete_file";
}
