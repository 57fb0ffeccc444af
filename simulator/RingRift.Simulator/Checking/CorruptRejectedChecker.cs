using RingRift.Kernel;

namespace RingRift.Simulator.Checking;

/// <summary>Safety: no node ever accepts a file whose content differs from what its producer wrote.</summary>
internal sealed class CorruptRejectedChecker : SyncChecker
{
    public override string Name => CheckCatalog.CorruptRejected;

    internal override void OnCorruptAccepted(long now, NodeId node, string path) => Fail(now, $"{node} accepted a corrupt copy of {path}");
}
