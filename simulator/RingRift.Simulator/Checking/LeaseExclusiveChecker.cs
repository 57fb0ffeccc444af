using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// No two leadership leases are valid at the same true instant, whatever the clocks say: the
/// <see cref="LeaseLedger"/> maps each leader's local lease end through its clock to true time.
/// </summary>
internal sealed class LeaseExclusiveChecker(World world) : Checker
{
    public override string Name => CheckCatalog.LeaseExclusive;

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (world.Leases.ValidAt(now) > 1)
            Fail(now, $"{world.Leases.ValidAt(now)} leases valid at once:{world.Leases.Holders(now, world.Nodes)}");
    }
}
