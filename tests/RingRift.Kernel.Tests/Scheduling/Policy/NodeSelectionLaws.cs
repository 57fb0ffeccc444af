using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Scheduling;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

/// <summary>Placement picks a capable node, the best by a total order, whatever the candidates' order.</summary>
public sealed class NodeSelectionLaws
{
    private static readonly Arbitrary<NodeCandidate[]> Nodes = PolicyGen.Candidates.ToArbitrary();
    private static readonly Arbitrary<JobDemand> Demands = PolicyGen.Demands.ToArbitrary();

    [Property(MaxTest = 500)]
    public Property SelectBest_NeverPicksIncapableNode() => Prop.ForAll(Demands, Nodes, (demand, nodes) =>
    {
        var best = NodeSelectionPlanner.SelectBest(demand, nodes);
        if (best >= 0) return NodeSelectionPlanner.IsCapable(demand, nodes[best]);
        foreach (var node in nodes)
            if (NodeSelectionPlanner.IsCapable(demand, node)) return false;
        return true;
    });

    [Property(MaxTest = 500)]
    public Property SelectBest_NeverPicksUnhealthyGpuOrQuarantineCandidate() => Prop.ForAll(Demands, Nodes, (demand, nodes) =>
    {
        var best = NodeSelectionPlanner.SelectBest(demand, nodes);
        return best < 0 || (!NodeSelectionPlanner.ShouldQuarantine(nodes[best]) && !nodes[best].Quarantined && nodes[best].Health == GpuHealth.Healthy);
    });

    [Property(MaxTest = 500)]
    public Property SelectBest_NoCapableNodeOutranksThePick() => Prop.ForAll(Demands, Nodes, (demand, nodes) =>
    {
        var best = NodeSelectionPlanner.SelectBest(demand, nodes);
        if (best < 0) return true;
        for (var i = 0; i < nodes.Length; i++)
            if (i != best && NodeSelectionPlanner.IsCapable(demand, nodes[i]) && NodeSelectionPlanner.Outranks(nodes[i], nodes[best])) return false;
        return true;
    });

    [Property(MaxTest = 500)]
    public Property SelectBest_IsIndependentOfCandidateOrder() => Prop.ForAll(Demands, Nodes, ArbMap.Default.ArbFor<ulong>(), (demand, nodes, seed) =>
    {
        var shuffled = PolicyGen.Shuffled(nodes, seed);
        var a = NodeSelectionPlanner.SelectBest(demand, nodes);
        var b = NodeSelectionPlanner.SelectBest(demand, shuffled);
        return (a < 0 && b < 0) || (a >= 0 && b >= 0 && nodes[a].Node == shuffled[b].Node);
    });

    [Property(MaxTest = 500)]
    public Property SelectTrainingNode_NeverPicksNodeRunningTraining() => Prop.ForAll(Demands, Nodes, ArbMap.Default.ArbFor<ulong>(), (demand, nodes, seed) =>
    {
        var pick = NodeSelectionPlanner.SelectTrainingNode(demand, nodes);
        var shuffled = PolicyGen.Shuffled(nodes, seed);
        var again = NodeSelectionPlanner.SelectTrainingNode(demand, shuffled);
        var sameNode = (pick < 0 && again < 0) || (pick >= 0 && again >= 0 && nodes[pick].Node == shuffled[again].Node);
        return sameNode && (pick < 0 || (!nodes[pick].RunningTraining && NodeSelectionPlanner.IsCapable(demand, nodes[pick])));
    });

    [Property(MaxTest = 500)]
    public Property Outranks_IsAStrictTotalOrderOnDistinctNodes() => Prop.ForAll(Nodes, nodes =>
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            if (NodeSelectionPlanner.Outranks(nodes[i], nodes[i])) return false;
            for (var j = i + 1; j < nodes.Length; j++)
                if (NodeSelectionPlanner.Outranks(nodes[i], nodes[j]) == NodeSelectionPlanner.Outranks(nodes[j], nodes[i])) return false;
        }
        return true;
    });
}
