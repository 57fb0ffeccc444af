using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>
/// The data-sync figures of a run with a <c>sync</c> block. <see cref="GamesLost"/> counts games that
/// had been durable (canonical store plus the replicas the policy asks) and later had no intact copy;
/// <see cref="GamesLostBeforeDurable"/> those a fault destroyed before they got there.
/// <see cref="StrandedFiles"/> are games not in the canonical store at the end, the oldest
/// <see cref="StrandedAgeMax"/> old. <see cref="BytesMoved"/> is every byte that crossed a link (failed and
/// corrupt transfers included); <see cref="BytesMinimum"/> the least that reaching the same goals needs:
/// each game's size times the replicas it must gain, each promoted model's size per GPU node that lacked
/// it. Model distribution times run from the promotion to each GPU node's verified copy.
/// <see cref="LastDurableAt"/> is when the last game became durable (zero when none did).
/// <see cref="FilesCleaned"/> and <see cref="BytesCleaned"/> count what the kernel's source cleanup deleted.
/// </summary>
public sealed record SyncFigures(
    long GamesWritten,
    long GamesLost,
    long GamesLostBeforeDurable,
    long GamesNotDurable,
    long CorruptAccepted,
    long StrandedFiles,
    Duration StrandedAgeMax,
    long BytesMoved,
    long BytesMinimum,
    long TransfersFailed,
    int ModelArrivals,
    Duration ModelDistributionP50,
    Duration ModelDistributionP99,
    Duration LastDurableAt)
{
    public long FilesCleaned { get; init; }

    public long BytesCleaned { get; init; }

    /// <summary>Selfplay jobs a leader stopped because they still played an older model than the promoted one past the policy's bound less the kill's delivery.</summary>
    public long SelfplayStoppedStale { get; init; }

    internal static SyncFigures From(SyncLedger ledger, long now)
    {
        long stranded = 0, strandedAge = 0, notDurable = 0;
        foreach (var truth in ledger.Files.Values)
        {
            if (truth.File.Kind != 1 || truth.Lost) continue;
            if (truth.DurableAt < 0) notDurable++;
            if (truth.Holders.Contains(ledger.Canonical)) continue;
            stranded++;
            strandedAge = System.Math.Max(strandedAge, now - truth.WrittenAt);
        }
        var arrivals = new long[ledger.ModelArrivals.Count];
        for (var i = 0; i < arrivals.Length; i++) arrivals[i] = ledger.ModelArrivals[i];
        System.Array.Sort(arrivals);
        return new SyncFigures(
            ledger.GamesWritten, ledger.GamesLost, ledger.GamesLostBeforeDurable, notDurable, ledger.CorruptAccepted,
            stranded, new Duration(strandedAge), ledger.BytesMoved, ledger.BytesMinimum, ledger.TransfersFailed,
            arrivals.Length, new Duration(NearestRank.Of(arrivals, 50)), new Duration(NearestRank.Of(arrivals, 99)),
            new Duration(System.Math.Max(0, ledger.LastDurableAt)))
        {
            FilesCleaned = ledger.FilesCleaned,
            BytesCleaned = ledger.BytesCleaned,
            SelfplayStoppedStale = ledger.SelfplayStoppedStale,
        };
    }
}
