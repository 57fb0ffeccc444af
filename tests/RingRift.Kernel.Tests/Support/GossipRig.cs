using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// One <see cref="GossipMachine"/> and its <see cref="Outbox"/>, started at <see cref="Instant.Zero"/>
/// with nothing pending on disk (so its incarnation counts as durable); each call returns what it produced.
/// </summary>
internal sealed class GossipRig
{
    public GossipRig(string self = "node-a", GossipConfig? config = null, ulong seed = 7, long incarnation = 1)
    {
        Self = new NodeId(self);
        Config = config ?? Configs.Gossip;
        Incarnation = incarnation;
        Outbox = new Outbox(heldMessagesMax: 64);
        Machine = new GossipMachine(Config, Self, incarnation, Outbox, Instant.Zero, new Prng(seed));
    }

    public NodeId Self { get; }
    public GossipConfig Config { get; }
    public long Incarnation { get; }
    public Outbox Outbox { get; }
    public GossipMachine Machine { get; }
    public GossipTable Table => Machine.Table;

    public Ready Tick(Instant now, ImmutableArray<GossipPeer> peers)
    {
        Machine.Tick(now, peers);
        return Outbox.DrainAll();
    }

    /// <summary>Ticks at every deadline up to <paramref name="until"/>; returns each step's output.</summary>
    public List<(Instant At, Ready Ready)> RunUntil(Instant until, ImmutableArray<GossipPeer> peers)
    {
        var steps = new List<(Instant, Ready)>();
        while (Machine.NextDeadline <= until)
        {
            var at = Machine.NextDeadline;
            steps.Add((at, Tick(at, peers)));
        }
        return steps;
    }

    public Ready Receive(Instant now, NodeId from, Message message)
    {
        switch (message)
        {
            case GossipDigest digest: Machine.OnDigest(from, digest); break;
            case GossipDelta delta: Machine.OnDelta(now, from, delta); break;
        }
        return Outbox.DrainAll();
    }

    /// <summary>Peers named <paramref name="names"/>, non-voters of provider "p".</summary>
    public static ImmutableArray<GossipPeer> Peers(params string[] names) =>
        names.Select(n => new GossipPeer(new NodeId(n), IsVoter: false, Provider: "p")).ToImmutableArray();

    public static IEnumerable<T> NoticesOf<T>(Ready ready) => ready.Notices.OfType<T>();
}
