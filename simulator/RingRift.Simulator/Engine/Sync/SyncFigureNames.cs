using System.Collections.Immutable;

namespace RingRift.Simulator.Engine;

/// <summary>The sync figures a scenario can assert in <c>expect.summary</c>; 0 when the scenario has no sync block.</summary>
public static class SyncFigureNames
{
    public static readonly ImmutableArray<string> Names =
    [
        "games_written", "games_lost", "games_lost_before_durable", "games_not_durable", "corrupt_accepted",
        "stranded_files", "stranded_age_max_seconds", "bytes_moved", "bytes_minimum", "bytes_moved_over_minimum_bp",
        "transfers_failed", "model_arrivals", "model_distribution_p50_seconds", "model_distribution_p99_seconds",
        "last_durable_seconds", "files_cleaned", "bytes_cleaned", "selfplay_stopped_stale",
    ];

    public static long Read(Sync.SyncFigures? s, string name) => s is null ? 0 : name switch
    {
        "games_written" => s.GamesWritten,
        "games_lost" => s.GamesLost,
        "games_lost_before_durable" => s.GamesLostBeforeDurable,
        "games_not_durable" => s.GamesNotDurable,
        "corrupt_accepted" => s.CorruptAccepted,
        "stranded_files" => s.StrandedFiles,
        "stranded_age_max_seconds" => s.StrandedAgeMax.Micros / 1_000_000,
        "bytes_moved" => s.BytesMoved,
        "bytes_minimum" => s.BytesMinimum,
        "bytes_moved_over_minimum_bp" => s.BytesMinimum == 0 ? 0 : (long)((System.Int128)s.BytesMoved * 10_000 / s.BytesMinimum),
        "transfers_failed" => s.TransfersFailed,
        "model_arrivals" => s.ModelArrivals,
        "model_distribution_p50_seconds" => s.ModelDistributionP50.Micros / 1_000_000,
        "model_distribution_p99_seconds" => s.ModelDistributionP99.Micros / 1_000_000,
        "last_durable_seconds" => s.LastDurableAt.Micros / 1_000_000,
        "files_cleaned" => s.FilesCleaned,
        "bytes_cleaned" => s.BytesCleaned,
        "selfplay_stopped_stale" => s.SelfplayStoppedStale,
        _ => throw new System.ArgumentException("unknown sync figure " + name, nameof(name)),
    };
}
