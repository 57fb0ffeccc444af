using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Liveness, end of run: every game still held somewhere is in the canonical store once the sync block's
/// <c>canonical_bound</c> has passed since it was written and since the last network or node change
/// (links recovered, nodes back). Nothing to judge while the canonical store is down at the end.
/// </summary>
internal sealed class GamesReachCanonicalChecker : SyncChecker
{
    public override string Name => CheckCatalog.GamesReachCanonical;

    internal override void AtEnd(long now, World world)
    {
        if (world.Ledger is not { } ledger || world.SyncSpec is not { } spec || !world.Nodes[ledger.Canonical].IsRunning) return;
        var settled = world.LastChangeAt;
        long late = 0;
        string? example = null;
        foreach (var (path, truth) in ledger.Files)
        {
            if (truth.File.Kind != 1 || truth.Lost || truth.Holders.Contains(ledger.Canonical)) continue;
            if (now < System.Math.Max(truth.WrittenAt, settled) + spec.CanonicalBound.Micros) continue;
            late++;
            if (example is null || string.CompareOrdinal(path, example) < 0) example = path;
        }
        if (late > 0) Fail(now, $"{late} games are not in the canonical store {spec.CanonicalBound} after they could be, e.g. {example}");
    }
}
