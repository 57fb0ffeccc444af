using System.Collections.Immutable;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Node;

/// <summary>
/// The membership machines the configured <see cref="MembershipMode"/> runs, stepped as one: heartbeat
/// alone; SWIM alone; or hybrid, where heartbeats still carry every node's advertisement (profile and
/// load) but judge nobody, and SWIM decides liveness and answers the view. Messages of a protocol the
/// mode does not run are ignored, so nodes in different modes simply do not hear each other.
/// </summary>
internal sealed class MembershipMachines : IMembershipMachine
{
    private readonly IMembershipMachine _view;

    /// <param name="incarnationVersion">The persist version that makes <paramref name="incarnation"/> durable (SWIM sends nothing before).</param>
    /// <param name="prng">The kernel's stream: heartbeat's first delay is drawn from it, SWIM gets a fork of its own.</param>
    public MembershipMachines(KernelConfig config, long incarnation, long incarnationVersion, Outbox outbox, Prng prng, Instant now)
    {
        var mode = config.MembershipMode;
        if (mode != MembershipMode.Swim)
        {
            Heartbeat = new HeartbeatMembershipMachine(
                config.Membership, config.Self, config.Cluster, incarnation, outbox, now,
                prng.NextDuration(Duration.Zero, config.Membership.HeartbeatInterval), judgesLiveness: mode == MembershipMode.Heartbeat);
        }
        if (mode != MembershipMode.Heartbeat)
        {
            Swim = new SwimMembershipMachine(
                config.Swim, config.Self, config.Cluster, incarnation, incarnationVersion, config.Membership.PeerTableMax,
                outbox, prng.Fork("swim"), now);
        }
        _view = (IMembershipMachine?)Swim ?? Heartbeat!;
    }

    public HeartbeatMembershipMachine? Heartbeat { get; }

    public SwimMembershipMachine? Swim { get; }

    public int Version => _view.Version;
    public int AlivePeerCount => _view.AlivePeerCount;
    public int PeerCount => _view.PeerCount;
    public ImmutableArray<MemberView> Snapshot() => _view.Snapshot();
    public MemberState? StateOf(NodeId peer) => _view.StateOf(peer);

    public Instant NextDeadline => Heartbeat is null ? Swim!.NextDeadline
        : Swim is null ? Heartbeat.NextDeadline
        : Instant.Min(Heartbeat.NextDeadline, Swim.NextDeadline);

    public void ObserveTime(Instant now)
    {
        Heartbeat?.ObserveTime(now);
        Swim?.ObserveTime(now);
    }

    public void Tick(Instant now)
    {
        Heartbeat?.Tick(now);
        Swim?.Tick(now);
    }

    public void SetLoad(NodeLoad load) => Heartbeat?.SetLoad(load);
}
