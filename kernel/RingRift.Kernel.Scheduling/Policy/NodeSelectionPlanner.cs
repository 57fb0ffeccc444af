using System;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// Where a job goes: a capability filter, then the strongest GPU. Pure, O(n) over the candidates,
/// allocation-free, and independent of candidate order (the order is total: GPU score descending,
/// free slots descending, node id ascending; node ids are unique).
/// </summary>
/// <remarks>
/// Fixes from the original (FAILURE-MODES 16, 26): capacity is the caller's reservation-based free
/// slots and memory, never a utilization figure (idle GPUs reported 85–95 %); a GPU that is hung,
/// failed or misdetected makes the node incapable of every job, so it is never used as a CPU host
/// (the original ran 64 CPU selfplay processes on a GH200 whose GPU it could not see).
/// </remarks>
public static class NodeSelectionPlanner
{
    /// <summary>
    /// True when <paramref name="node"/> can take <paramref name="demand"/> now: not draining, not
    /// quarantined, a free slot, a healthy GPU state, enough free RAM and disk, and, when the job
    /// needs a GPU, a GPU with enough free VRAM.
    /// </summary>
    public static bool IsCapable(in JobDemand demand, in NodeCandidate node)
    {
        if (node.Draining || node.Quarantined || node.SlotsFree <= 0) return false;
        if (node.Health != GpuHealth.Healthy) return false;
        if (node.RamFree < demand.Ram || node.DiskFree < demand.Disk) return false;
        if (!demand.NeedsGpu) return true;
        return node.Gpu != GpuClass.None && node.VramFree >= demand.Vram;
    }

    /// <summary>
    /// The index of the best capable candidate for <paramref name="demand"/>, or −1 when none is
    /// capable. Best: highest <see cref="GpuPowerRanking.Score"/>, then most free slots (spreads
    /// equal nodes), then the smallest node id.
    /// </summary>
    public static int SelectBest(in JobDemand demand, ReadOnlySpan<NodeCandidate> candidates) =>
        Select(demand, candidates, skipRunningTraining: false);

    /// <summary>
    /// The index of the node to train on, or −1: the best capable candidate (as <see cref="SelectBest"/>)
    /// among those not already running training. A training job waits rather than share a GPU with
    /// another training (the original fell back to busy nodes and doubled training on one GPU).
    /// </summary>
    public static int SelectTrainingNode(in JobDemand demand, ReadOnlySpan<NodeCandidate> candidates) =>
        Select(demand, candidates, skipRunningTraining: true);

    /// <summary>
    /// True when the node should be quarantined (taken out of placement until its GPU is healthy
    /// again): its GPU is hung, failed or misdetected. Detection failure never degrades to CPU work.
    /// </summary>
    public static bool ShouldQuarantine(in NodeCandidate node) => node.Health != GpuHealth.Healthy;

    // One pass. The order does not depend on capability, so a candidate that cannot beat the best so
    // far is skipped before its (costlier) capability check; the best's key is kept in locals so each
    // comparison reads one candidate, and node ids are compared only on an exact tie.
    private static int Select(in JobDemand demand, ReadOnlySpan<NodeCandidate> candidates, bool skipRunningTraining)
    {
        var best = -1;
        var bestScore = -1;
        var bestSlots = 0;
        string? bestId = null;
        for (var i = 0; i < candidates.Length; i++)
        {
            ref readonly var node = ref candidates[i];
            var score = GpuPowerRanking.Score(node.Gpu);
            if (score < bestScore) continue;
            if (score == bestScore)
            {
                if (node.SlotsFree < bestSlots) continue;
                if (node.SlotsFree == bestSlots && string.CompareOrdinal(node.Node.Value, bestId) >= 0) continue;
            }
            if ((skipRunningTraining && node.RunningTraining) || !IsCapable(demand, node)) continue;
            best = i;
            bestScore = score;
            bestSlots = node.SlotsFree;
            bestId = node.Node.Value;
        }
        return best;
    }

    /// <summary>The total placement order: true when <paramref name="a"/> ranks strictly before <paramref name="b"/>.</summary>
    public static bool Outranks(in NodeCandidate a, in NodeCandidate b)
    {
        var scoreA = GpuPowerRanking.Score(a.Gpu);
        var scoreB = GpuPowerRanking.Score(b.Gpu);
        if (scoreA != scoreB) return scoreA > scoreB;
        if (a.SlotsFree != b.SlotsFree) return a.SlotsFree > b.SlotsFree;
        return string.CompareOrdinal(a.Node.Value, b.Node.Value) < 0;
    }
}
