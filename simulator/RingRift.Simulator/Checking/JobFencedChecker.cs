using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// No assignment is applied with a stale epoch: a worker accepts one only at an epoch at least the
/// highest it has seen, and within one life never at an epoch lower than one it already accepted.
/// </summary>
internal sealed class JobFencedChecker : Checker
{
    private readonly Dictionary<int, long> _accepted = new();

    public override string Name => CheckCatalog.JobFenced;

    internal override void OnBoot(long now, SimNode node) => _accepted.Remove(node.Index);

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is not JobAccepted accepted) return;
        if (accepted.Epoch < accepted.HighestEpochSeen)
            Fail(now, $"{node.Id} applied {accepted.Job} at epoch {accepted.Epoch} after seeing epoch {accepted.HighestEpochSeen}");
        else if (_accepted.TryGetValue(node.Index, out var before) && accepted.Epoch < before)
            Fail(now, $"{node.Id} applied {accepted.Job} at epoch {accepted.Epoch} after applying one at epoch {before}");
        else _accepted[node.Index] = accepted.Epoch;
    }
}
