using System.Collections.Immutable;

namespace RingRift.Kernel;

/// <summary>
/// Everything a node keeps across a crash, handed to the kernel at construction and written whole
/// by <see cref="Persist"/>. <see cref="Version"/> increases with every write so a store can refuse
/// to go backwards; <see cref="BootCount"/> is this node's incarnation, bumped durably at each start.
/// Later machines add their own durable slices here.
/// </summary>
public sealed record PersistentState(long Version, long BootCount)
{
    /// <summary>Epochs proposed and leases granted (see <see cref="ElectionDurable"/>).</summary>
    public ElectionDurable Election { get; init; } = ElectionDurable.Empty;

    /// <summary>
    /// The training pipeline as this node last knew it (see <see cref="PipelineSnapshot"/>): a leader
    /// persists it before acknowledging the results that changed it; a new leader starts from the
    /// newest copy among its own and its workers' reports.
    /// </summary>
    public PipelineSnapshot Pipeline { get; init; } = PipelineSnapshot.Empty;

    /// <summary>
    /// The jobs this node launched for a leader whose end no leader has acknowledged yet: after a crash
    /// the restarted node reports each as having died with it, so no execution vanishes unrecorded
    /// when the leader's book that held it is gone too.
    /// </summary>
    public ImmutableArray<JobSpec> Journal { get; init; } = [];

    /// <summary>The state of a node that has never run.</summary>
    public static readonly PersistentState Empty = new(0, 0);
}
