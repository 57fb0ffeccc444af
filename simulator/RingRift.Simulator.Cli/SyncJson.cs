using RingRift.Simulator.Engine.Sync;

namespace RingRift.Simulator.Cli;

/// <summary>The data-sync figures in the JSON summary (snake_case), seconds as numbers.</summary>
internal sealed record SyncJson(
    long GamesWritten,
    long GamesLost,
    long GamesLostBeforeDurable,
    long GamesNotDurable,
    long CorruptAccepted,
    long StrandedFiles,
    double StrandedAgeMaxSeconds,
    long BytesMoved,
    long BytesMinimum,
    long TransfersFailed,
    int ModelArrivals,
    double ModelDistributionP50Seconds,
    double ModelDistributionP99Seconds,
    double LastDurableSeconds)
{
    public long FilesCleaned { get; init; }

    public long BytesCleaned { get; init; }

    public long SelfplayStoppedStale { get; init; }

    public static SyncJson? From(SyncFigures? s) => s is null ? null : new SyncJson(
        s.GamesWritten, s.GamesLost, s.GamesLostBeforeDurable, s.GamesNotDurable, s.CorruptAccepted, s.StrandedFiles,
        s.StrandedAgeMax.Micros / 1e6, s.BytesMoved, s.BytesMinimum, s.TransfersFailed, s.ModelArrivals,
        s.ModelDistributionP50.Micros / 1e6, s.ModelDistributionP99.Micros / 1e6, s.LastDurableAt.Micros / 1e6)
    {
        FilesCleaned = s.FilesCleaned,
        BytesCleaned = s.BytesCleaned,
        SelfplayStoppedStale = s.SelfplayStoppedStale,
    };

    /// <summary>The summary's one text line.</summary>
    public static string Line(SyncFigures s)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var ratio = s.BytesMinimum == 0 ? 0 : (double)s.BytesMoved / s.BytesMinimum;
        return $"sync games_written={s.GamesWritten} games_lost={s.GamesLost} lost_before_durable={s.GamesLostBeforeDurable} " +
               $"not_durable={s.GamesNotDurable} corrupt_accepted={s.CorruptAccepted} stranded_files={s.StrandedFiles} " +
               $"stranded_age_max_seconds={s.StrandedAgeMax.Micros / 1_000_000} bytes_moved={s.BytesMoved} bytes_minimum={s.BytesMinimum} " +
               $"moved_over_minimum={ratio.ToString("F3", inv)} transfers_failed={s.TransfersFailed} " +
               $"model_distribution_seconds p50={(s.ModelDistributionP50.Micros / 1e6).ToString("F1", inv)} " +
               $"p99={(s.ModelDistributionP99.Micros / 1e6).ToString("F1", inv)} samples={s.ModelArrivals} " +
               $"last_durable_seconds={s.LastDurableAt.Micros / 1_000_000} files_cleaned={s.FilesCleaned} bytes_cleaned={s.BytesCleaned} " +
               $"selfplay_stopped_stale={s.SelfplayStoppedStale}";
    }
}
