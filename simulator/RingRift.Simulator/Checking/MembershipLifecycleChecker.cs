using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// Each observer's view of each peer moves only Alive → Suspect → Dead → Retired, one step at a time,
/// or back to Alive; every change starts from the state the observer last reported; nobody reports
/// on itself. A booting node starts with every configured peer Alive.
/// </summary>
internal sealed class MembershipLifecycleChecker(World world) : Checker
{
    private readonly MemberState[] _views = new MemberState[world.NodeCount * world.NodeCount];

    public override string Name => CheckCatalog.MembershipLifecycle;

    internal override void OnBoot(long now, SimNode node)
    {
        for (var peer = 0; peer < world.NodeCount; peer++) _views[node.Index * world.NodeCount + peer] = MemberState.Alive;
    }

    internal override void OnNotice(long now, SimNode node, Notice notice)
    {
        if (notice is not MemberStateChanged change) return;
        var peer = world.IndexOf(change.Peer);
        if (peer == node.Index) Fail(now, $"{node.Id} reported on itself");
        ref var view = ref _views[node.Index * world.NodeCount + peer];
        if (change.From != view)
            Fail(now, $"{node.Id} moved {change.Peer} from {change.From} but last reported it {view}");
        else if (!IsAllowed(change.From, change.To))
            Fail(now, $"{node.Id} moved {change.Peer} from {change.From} to {change.To}");
        view = change.To;
    }

    private static bool IsAllowed(MemberState from, MemberState to) =>
        to == MemberState.Alive ? from != MemberState.Alive : (int)to == (int)from + 1;
}
