using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// One <see cref="HeartbeatMembershipMachine"/> and its <see cref="Outbox"/>, stepped the way
/// KernelNode steps it: the input first, then <c>Tick</c> at the same instant; each call returns
/// what that step produced. The machine starts at <see cref="Instant.Zero"/>.
/// </summary>
internal sealed class MembershipRig
{
    public static readonly Duration FirstDelay = Duration.FromSeconds(3);

    private readonly Dictionary<NodeId, long> _sequences = new();

    public MembershipRig(
        IEnumerable<NodeProfile> peers, NodeProfile? self = null, MembershipConfig? config = null, long incarnation = 1)
    {
        Self = self ?? Profiles.Gpu("node-a");
        Config = config ?? Configs.Membership;
        Incarnation = incarnation;
        Outbox = new Outbox(heldMessagesMax: 1024);
        Machine = new HeartbeatMembershipMachine(Config, Self, peers, incarnation, Outbox, Instant.Zero, FirstDelay);
    }

    public NodeProfile Self { get; }
    public MembershipConfig Config { get; }
    public long Incarnation { get; }
    public Outbox Outbox { get; }
    public HeartbeatMembershipMachine Machine { get; }

    public Ready Tick(Instant now)
    {
        Machine.Tick(now);
        return Outbox.DrainAll();
    }

    /// <summary>Delivers <paramref name="heartbeat"/> as sent by <paramref name="from"/>, then ticks.</summary>
    public Ready Deliver(Instant now, NodeId from, Heartbeat heartbeat)
    {
        Machine.OnHeartbeat(now, from, heartbeat);
        return Tick(now);
    }

    public Ready Deliver(Instant now, NodeId from, HeartbeatAck ack)
    {
        Machine.OnHeartbeatAck(now, from, ack);
        return Tick(now);
    }

    /// <summary>A heartbeat from <paramref name="peer"/> with the next sequence number of that peer's current life.</summary>
    public Ready HearFrom(Instant now, NodeProfile peer, long incarnation = 1, bool wantsAck = false)
    {
        var sequence = _sequences.TryGetValue(peer.Node, out var last) ? last + 1 : 1;
        _sequences[peer.Node] = sequence;
        return Deliver(now, peer.Node, new Heartbeat(incarnation, sequence, peer, NodeLoad.Idle, wantsAck));
    }

    /// <summary>Ticks at each deadline up to and including <paramref name="until"/>; returns every step's output.</summary>
    public List<(Instant At, Ready Ready)> RunUntil(Instant until)
    {
        var steps = new List<(Instant, Ready)>();
        while (Machine.NextDeadline <= until)
        {
            var at = Machine.NextDeadline;
            steps.Add((at, Tick(at)));
        }
        return steps;
    }

    public static IEnumerable<NodeId> Recipients(Ready ready) => ready.Messages.Select(m => m.To);

    public static IEnumerable<T> NoticesOf<T>(Ready ready) => ready.Notices.OfType<T>();
}
