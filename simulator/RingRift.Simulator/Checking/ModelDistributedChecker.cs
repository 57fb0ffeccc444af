using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Liveness, end of run: a promoted model is on at least 95 % of the running GPU nodes once the sync
/// block's <c>model_bound</c> has passed since its promotion and since the last network or node change.
/// </summary>
internal sealed class ModelDistributedChecker : SyncChecker
{
    private const int SharePercentMin = 95;

    public override string Name => CheckCatalog.ModelDistributed;

    internal override void AtEnd(long now, World world)
    {
        if (world.Ledger is not { } ledger || world.SyncSpec is not { } spec) return;
        var paths = new System.Collections.Generic.List<string>(ledger.PromotedAt.Keys);
        paths.Sort(System.StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (now < System.Math.Max(ledger.PromotedAt[path], world.LastChangeAt) + spec.ModelBound.Micros) continue;
            int running = 0, holding = 0;
            ledger.Files.TryGetValue(path, out var truth);
            for (var node = 0; node < world.NodeCount; node++)
            {
                if (!ledger.IsGpuNode(node) || !world.Nodes[node].IsRunning) continue;
                running++;
                if (truth is not null && truth.Holders.Contains(node)) holding++;
            }
            if (holding * 100 < running * SharePercentMin)
                Fail(now, $"promoted model {path} is on {holding} of {running} running GPU nodes {spec.ModelBound} after it could be");
        }
    }
}
