namespace RingRift.Simulator.Checking;

/// <summary>
/// Safety: a game or model, once durable (in the canonical store and on the replicas the policy asks),
/// always keeps an intact copy somewhere: no deletion, mirroring or single fault destroys the last one.
/// </summary>
internal sealed class GamesDurableChecker : SyncChecker
{
    public override string Name => CheckCatalog.GamesDurable;

    internal override void OnDurableFileLost(long now, string path) => Fail(now, $"{path} was durable and has no intact copy left");
}
