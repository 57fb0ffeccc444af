using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// One <see cref="SwimMembershipMachine"/> and its <see cref="Outbox"/>, stepped the way KernelNode steps
/// it (ObserveTime, then the input, then Tick at the same instant); each call returns what that step
/// produced. The machine starts at <see cref="Instant.Zero"/> with boot count 1 made durable (unless a
/// test says otherwise), a seeded stream, and the round-number timing of <see cref="Config"/>.
/// </summary>
internal sealed class SwimRig
{
    /// <summary>
    /// 10 s periods, 4 s probe timeout (a 6 s indirect window, nacks after 3 s), k = 3, suspicion
    /// multiplier 4 (in a cluster of five: 40 s to 240 s, two confirmations), each update piggybacked
    /// twice, four per message, Lifeguard ceiling 8, retire after 60 s, a dead probe every 20 s, NAT silence 60 s.
    /// </summary>
    public static readonly SwimConfig Config = new(
        Period: Duration.FromSeconds(10),
        ProbeTimeout: Duration.FromSeconds(4),
        IndirectProbes: 3,
        SuspicionMultiplier: 4,
        SuspicionMaxMultiplier: 6,
        RetransmitMultiplier: 2,
        PiggybackMax: 4,
        AwarenessMax: 8,
        RetireAfter: Duration.FromSeconds(60),
        DeadProbeInterval: Duration.FromSeconds(20),
        NatSilence: Duration.FromSeconds(60));

    public const ulong Seed = 7;
    public const long BootVersion = 1;

    public SwimRig(
        IEnumerable<NodeProfile> peers, NodeProfile? self = null, SwimConfig? config = null, long boot = 1,
        ulong seed = Seed, bool durable = true)
    {
        Self = self ?? Profiles.Gpu("node-a");
        Outbox = new Outbox(heldMessagesMax: 1024);
        Machine = new SwimMembershipMachine(
            config ?? Config, Self, peers, boot, BootVersion, peerTableMax: 64, Outbox, new Prng(seed), Instant.Zero);
        if (durable) MakeDurable();
    }

    public NodeProfile Self { get; }
    public Outbox Outbox { get; }
    public SwimMembershipMachine Machine { get; }

    /// <summary>The boot persist completed: the machine may now speak.</summary>
    public void MakeDurable() => Outbox.MarkDurable(BootVersion);

    public Ready Tick(Instant now)
    {
        Machine.ObserveTime(now);
        Machine.Tick(now);
        return Outbox.DrainAll();
    }

    public Ready Deliver(Instant now, NodeId from, SwimMessage message)
    {
        Machine.ObserveTime(now);
        Machine.OnMessage(now, from, message);
        Machine.Tick(now);
        return Outbox.DrainAll();
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

    /// <summary>
    /// Like <see cref="RunUntil"/>, but every ping this node sends is acked at once by its target (at
    /// <see cref="Inc"/>), except by <paramref name="silent"/>, so only what a test injects changes the view.
    /// </summary>
    public List<(Instant At, Ready Ready)> RunAcking(Instant until, NodeId? silent = null)
    {
        var steps = new List<(Instant, Ready)>();
        while (Machine.NextDeadline <= until)
        {
            var at = Machine.NextDeadline;
            var ready = Tick(at);
            steps.Add((at, ready));
            foreach (var (to, ping) in Sent<SwimPing>(ready).ToList())
                if (to != silent) steps.Add((at, Deliver(at, to, new SwimAck(Inc(), ping.Sequence, []))));
        }
        return steps;
    }

    /// <summary>Runs until the next ping this node sends, and returns when, to whom, and the ping.</summary>
    public (Instant At, NodeId To, SwimPing Ping) NextPing(Instant limit)
    {
        while (Machine.NextDeadline <= limit)
        {
            var at = Machine.NextDeadline;
            foreach (var outbound in Tick(at).Messages)
                if (outbound.Message is SwimPing ping) return (at, outbound.To, ping);
        }
        throw new Xunit.Sdk.XunitException("no ping before " + limit);
    }

    public static IEnumerable<(NodeId To, T Message)> Sent<T>(Ready ready) where T : Message =>
        ready.Messages.Where(m => m.Message is T).Select(m => (m.To, (T)m.Message));

    public static IEnumerable<T> NoticesOf<T>(Ready ready) => ready.Notices.OfType<T>();

    /// <summary>The state changes in <paramref name="steps"/>, with their times.</summary>
    public static List<(Instant At, MemberStateChanged Change)> Changes(IEnumerable<(Instant At, Ready Ready)> steps) =>
        steps.SelectMany(s => s.Ready.Notices.OfType<MemberStateChanged>().Select(n => (s.At, n))).ToList();

    /// <summary>An incarnation at boot 1.</summary>
    public static SwimIncarnation Inc(long refutation = 0, long boot = 1) => new(boot, refutation);
}
