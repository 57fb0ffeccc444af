using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// How much the sync planner may do at once and how it spreads work. Bounds count transfers in flight
/// plus those planned: a node receives at most <see cref="PullsPerTargetMax"/> and serves at most
/// <see cref="ServesPerSourceMax"/> at a time, a (source, target) link carries at most
/// <see cref="TransfersPerLinkMax"/>, and one plan holds at most <see cref="PlanTransfersMax"/>.
/// A file larger than <see cref="ChunkedAbove"/> is split into ranges aligned to
/// <see cref="ChunkSize"/> and spread over up to <see cref="SourcesPerFileMax"/> sources. Every
/// game must reach the canonical store and <see cref="ReplicasMin"/> other nodes; a source may delete
/// a file only once that holds (see <see cref="DurabilityPolicy"/>).
/// </summary>
public sealed record SyncPolicy(
    int PullsPerTargetMax,
    int ServesPerSourceMax,
    int TransfersPerLinkMax,
    int PlanTransfersMax,
    ByteSize ChunkSize,
    ByteSize ChunkedAbove,
    int SourcesPerFileMax,
    int ReplicasMin,
    bool ReplicateGames,
    bool PushAllowed,
    DiskThresholds Disk)
{
    /// <summary>The most a plan may hold whatever the config says: the planner's tables are sized by it.</summary>
    public const int PlanTransfersWireMax = 100_000;

    /// <summary>
    /// The longest a node may run selfplay for a config on a model older than the promoted one once the
    /// promoted one has left the node that trained it. The leader places no such selfplay at all (see
    /// <see cref="SyncMachine.MayRunSelfplay"/>); what remains is selfplay that began before the promotion,
    /// which the leader stops once the promotion is this bound less the kill's delivery old (see
    /// <c>DispatchMachine.StopStaleSelfplayAfter</c>), unless its runtime cap ends it first.
    /// Default 15 minutes (selfplay runs 10).
    /// </summary>
    public Duration ModelStaleMax { get; init; } = Duration.FromMinutes(15);

    /// <summary>
    /// Four pulls in and four serves out per node (the original ran one sync at a time cluster-wide and
    /// needed 27 h for 16,000 files), one transfer per link, 64 MiB ranges for files over 256 MiB spread
    /// over up to three sources, two replicas besides the canonical store.
    /// </summary>
    public static readonly SyncPolicy Default = new(
        PullsPerTargetMax: 4,
        ServesPerSourceMax: 4,
        TransfersPerLinkMax: 1,
        PlanTransfersMax: 4096,
        ChunkSize: new ByteSize(64L * 1024 * 1024),
        ChunkedAbove: new ByteSize(256L * 1024 * 1024),
        SourcesPerFileMax: 3,
        ReplicasMin: 2,
        ReplicateGames: true,
        PushAllowed: true,
        Disk: DiskThresholds.Default);

    /// <summary>Every inconsistency, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Positive(errors, "sync_pulls_per_target_max", PullsPerTargetMax);
        Positive(errors, "sync_serves_per_source_max", ServesPerSourceMax);
        Positive(errors, "sync_transfers_per_link_max", TransfersPerLinkMax);
        if (PlanTransfersMax < 1 || PlanTransfersMax > PlanTransfersWireMax)
            errors.Add($"sync_plan_transfers_max must be within 1..{PlanTransfersWireMax} (got {PlanTransfersMax})");
        if (ChunkSize.Bytes < 1) errors.Add($"sync_chunk_size must be positive (got {ChunkSize})");
        if (ChunkedAbove < ChunkSize)
            errors.Add($"sync_chunked_above ({ChunkedAbove}) must be at least sync_chunk_size ({ChunkSize})");
        if (SourcesPerFileMax < 1 || SourcesPerFileMax > 64)
            errors.Add($"sync_sources_per_file_max must be within 1..64 (got {SourcesPerFileMax})");
        // Two replicas besides the canonical store is what the durability rule requires before any delete.
        if (ReplicasMin < 2 || ReplicasMin > 16) errors.Add($"sync_replicas_min must be within 2..16 (got {ReplicasMin})");
        if (ModelStaleMax < Duration.FromMinutes(1) || ModelStaleMax > Duration.FromHours(24))
            errors.Add($"sync_model_stale_max must be within 1m..24h (got {ModelStaleMax})");
        foreach (var error in Disk.Validate()) errors.Add(error);
        return errors;
    }

    private static void Positive(List<string> errors, string name, int value)
    {
        if (value < 1 || value > 1024) errors.Add($"{name} must be within 1..1024 (got {value})");
    }
}
