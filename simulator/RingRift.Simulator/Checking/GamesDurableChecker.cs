namespace RingRift.Simulator.Checking;

/// <summary>
/// Safety: a game or model, once durable (in the canonical store and on the replicas the policy asks),
/// always keeps an intact copy somewhere: no deletion, mirroring or single fault destroys the last one.
/// And no copy is deleted before that holds without it: a deletion (the kernel's cleanup or an operator's)
/// of a file the canonical store and the policy's replicas elsewhere do not all hold intact is premature.
/// </summary>
internal sealed class GamesDurableChecker(Engine.World world) : SyncChecker
{
    public override string Name => CheckCatalog.GamesDurable;

    internal override void OnDeleting(long now, Engine.SimNode node, string path)
    {
        if (world.Ledger is { } ledger && !ledger.MayDelete(node.Index, path))
            Fail(now, $"{path} deleted on {node.Id} before the canonical store and {ledger.ReplicasMin} other nodes held it");
    }

    internal override void OnDurableFileLost(long now, string path) => Fail(now, $"{path} was durable and has no intact copy left");
}
