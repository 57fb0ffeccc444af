using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeLaws
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile Nat = Profiles.Gpu("node-nat", natBlocked: true);

    private enum Act
    {
        WakeAtDeadline,
        PersistSucceeds,
        PersistFails,
        HeartbeatFromPeer,
        HeartbeatFromNatPeer,
        SmallWait,
    }

    private static readonly Gen<(int Boot, Act[] Acts)> Runs =
        from boot in Gen.Choose(0, 5)
        from acts in Gen.ArrayOf(Gen.Frequency(
            (4, Gen.Constant(Act.WakeAtDeadline)),
            (1, Gen.Constant(Act.PersistSucceeds)),
            (3, Gen.Constant(Act.PersistFails)),
            (2, Gen.Constant(Act.HeartbeatFromPeer)),
            (2, Gen.Constant(Act.HeartbeatFromNatPeer)),
            (2, Gen.Constant(Act.SmallWait))))
        select (boot, acts);

    /// <summary>
    /// Whatever the disk does, a message that states this node's incarnation leaves only once a
    /// persist of that boot count has completed, and the bounded hold-back queue never overflows
    /// (an overflow would throw InvariantViolationException and fail the property).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property MessagesStatingIncarnation_NeverLeaveBeforeItIsDurable() => Prop.ForAll(Runs.ToArbitrary(), run =>
    {
        var config = Configs.KernelFor("node-a", [Profiles.Gpu("node-a"), B, Nat]) with { HeldMessagesMax = 3 };
        var rig = new NodeRig(config, new PersistentState(run.Boot, run.Boot));
        var pending = new Queue<Persist>();
        pending.Enqueue(rig.BootPersist);
        long durableBoot = run.Boot;
        long sequence = 0;
        var now = Instant.Zero;

        foreach (var act in run.Acts)
        {
            Ready ready;
            switch (act)
            {
                case Act.WakeAtDeadline when rig.LastDeadline is { } deadline:
                    now = Instant.Max(now, deadline);
                    ready = rig.Wake(now);
                    break;
                case Act.PersistSucceeds when pending.Count > 0:
                    var done = pending.Dequeue();
                    durableBoot = System.Math.Max(durableBoot, done.State.BootCount);
                    ready = rig.Complete(now, done.Id, Persisted.Instance);
                    break;
                case Act.PersistFails when pending.Count > 0:
                    ready = rig.Complete(now, pending.Dequeue().Id, new PersistFailed("disk full"));
                    break;
                case Act.HeartbeatFromPeer:
                    ready = rig.Deliver(now, B.Node, new Heartbeat(1, ++sequence, B, NodeLoad.Idle, false));
                    break;
                case Act.HeartbeatFromNatPeer:
                    ready = rig.Deliver(now, Nat.Node, new Heartbeat(1, ++sequence, Nat, NodeLoad.Idle, WantsAck: true));
                    break;
                default:
                    now += Duration.FromSeconds(3);
                    ready = rig.Wake(now);
                    break;
            }
            foreach (var effect in ready.Effects)
                if (effect is Persist persist) pending.Enqueue(persist);
            foreach (var outbound in ready.Messages)
                if (outbound.Message is ICarriesIncarnation carried && carried.Incarnation > durableBoot) return false;
        }
        return true;
    });
}
