using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scaling;

/// <summary>
/// The auto-scaling policy, pure. Pending work per live worker, in basis points, decides the direction:
/// above <see cref="ScalingConfig.ScaleUpPendingPerNode"/> it provisions up to
/// <see cref="ScalingConfig.NodesPerCycleMax"/> managed nodes not yet up; below
/// <see cref="ScalingConfig.ScaleDownPendingPerNode"/> it decommissions managed nodes idle for
/// <see cref="ScalingConfig.IdleBeforeScaleDown"/> and drains others so they fall idle; in between, and on
/// scale-up, drained nodes take work again. A voter, a node running training or one holding the only replica
/// of some data is never drained or decommissioned. Nothing is provisioned, drained or decommissioned while
/// cooling down. Ties break by node id; decisions use integers only.
/// </summary>
public static class ScalingPlanner
{
    public const string Voter = "voter";
    public const string Training = "running_training";
    public const string SoleReplica = "sole_replica";

    /// <summary>Pending work per live worker in basis points (0 with no pending work; all of it over one node when none is live).</summary>
    public static int PendingPerNodeBp(int pending, int liveWorkers) =>
        (int)System.Math.Min(int.MaxValue, (long)System.Math.Max(0, pending) * Ratio.BasisPointsPerOne / System.Math.Max(1, liveWorkers));

    /// <summary>Why the node may not be scaled down, or null when it may.</summary>
    public static string? RefusalOf(in ScalingNodeFacts node) =>
        node.IsVoter ? Voter : node.RunningTraining ? Training : node.SoleReplica ? SoleReplica : null;

    public static ScalingDecision Decide(
        ScalingConfig config, ScalingInput input, ImmutableArray<ScalingNodeView> nodes, int provisioning, bool coolingDown)
    {
        var perNode = PendingPerNodeBp(input.PendingWork, input.LiveWorkers);
        if (perNode > config.ScaleUpPendingPerNode * Ratio.BasisPointsPerOne)
            return Keep(perNode, coolingDown ? 0 : ProvisionCount(config, nodes, provisioning), nodes);
        if (perNode >= config.ScaleDownPendingPerNode * Ratio.BasisPointsPerOne) return Keep(perNode, 0, nodes);
        return ScaleDown(config, perNode, nodes, coolingDown);
    }

    private static int ProvisionCount(ScalingConfig config, ImmutableArray<ScalingNodeView> nodes, int provisioning)
    {
        var free = -provisioning;
        foreach (var node in nodes)
            if (!node.Facts.Up) free++;
        return System.Math.Clamp(free, 0, config.NodesPerCycleMax);
    }

    /// <summary>No scale-down: every drained node takes work again.</summary>
    private static ScalingDecision Keep(int perNode, int provision, ImmutableArray<ScalingNodeView> nodes)
    {
        var undrain = ImmutableArray.CreateBuilder<NodeId>();
        foreach (var node in nodes)
            if (node.Draining) undrain.Add(node.Facts.Node);
        return new ScalingDecision(perNode, provision, [], [], undrain.ToImmutable(), []);
    }

    private static ScalingDecision ScaleDown(ScalingConfig config, int perNode, ImmutableArray<ScalingNodeView> nodes, bool coolingDown)
    {
        var refused = ImmutableArray.CreateBuilder<(NodeId, string)>();
        var undrain = ImmutableArray.CreateBuilder<NodeId>();
        var idle = new List<ScalingNodeView>();
        var busy = new List<ScalingNodeView>();
        var draining = 0;
        foreach (var node in nodes)
        {
            if (!node.Facts.Up) continue;
            if (RefusalOf(node.Facts) is { } reason)
            {
                refused.Add((node.Facts.Node, reason));
                if (node.Draining) undrain.Add(node.Facts.Node);
            }
            else if (node.Idle >= config.IdleBeforeScaleDown) idle.Add(node);
            else if (node.Draining) draining++;
            else busy.Add(node);
        }
        if (coolingDown) return new ScalingDecision(perNode, 0, [], [], undrain.ToImmutable(), refused.ToImmutable());
        idle.Sort(static (a, b) => b.Idle != a.Idle ? b.Idle.CompareTo(a.Idle) : a.Facts.Node.CompareTo(b.Facts.Node));
        var down = Take(idle, config.NodesPerCycleMax);
        busy.Sort(static (a, b) => a.Facts.HeldJobs != b.Facts.HeldJobs ? a.Facts.HeldJobs.CompareTo(b.Facts.HeldJobs) : a.Facts.Node.CompareTo(b.Facts.Node));
        var drain = Take(busy, config.NodesPerCycleMax - draining - down.Length);
        return new ScalingDecision(perNode, 0, down, drain, undrain.ToImmutable(), refused.ToImmutable());
    }

    private static ImmutableArray<NodeId> Take(List<ScalingNodeView> sorted, int count)
    {
        var taken = ImmutableArray.CreateBuilder<NodeId>();
        for (var i = 0; i < sorted.Count && i < count; i++) taken.Add(sorted[i].Facts.Node);
        return taken.ToImmutable();
    }
}
