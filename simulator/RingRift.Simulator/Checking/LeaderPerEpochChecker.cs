using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Election;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>An epoch names one leadership: two different nodes elected at the same epoch is split brain.</summary>
internal sealed class LeaderPerEpochChecker : Checker
{
    private readonly Dictionary<long, NodeId> _leaders = new();

    public override string Name => CheckCatalog.LeaderPerEpoch;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is not LeaderElected elected) return;
        if (_leaders.TryGetValue(elected.Epoch, out var first) && first != node.Id)
            Fail(now, $"{node.Id} was elected at epoch {elected.Epoch}, already won by {first}");
        else
            _leaders[elected.Epoch] = node.Id;
    }
}
