using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Every message that states an incarnation leaves only once that incarnation is on the sender's
/// disk: otherwise a crash could bring the node back with the same incarnation, and peers would take
/// its new life's messages for stale ones of the old (or the reverse).
/// </summary>
internal sealed class IncarnationDurableChecker : Checker
{
    public override string Name => CheckCatalog.IncarnationDurable;

    internal override void OnSend(long now, SimNode node, Message message)
    {
        if (message is not ICarriesIncarnation carrier) return;
        var durable = node.Disk.Durable.BootCount;
        if (carrier.Incarnation > durable)
            Fail(now, $"{node.Id} sent {message.Kind} with incarnation {carrier.Incarnation} while its disk holds {durable}");
    }
}
