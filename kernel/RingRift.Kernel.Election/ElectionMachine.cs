using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Election;

/// <summary>
/// Lease-based leader election with a voter quorum and fencing epochs.
/// A candidate first asks every voter for a pre-vote (would you grant?) and only after a majority of
/// yeses proposes a new epoch (persisted first, so it is never proposed twice) and asks for a lease; a voter grants at most one unexpired lease at a time, persists the grant before
/// answering, and measures it on its own clock. The candidate leads once a majority granted, until
/// the lease computed by <see cref="LeaseMath"/> lapses; it renews well before, and announces itself
/// to every peer. A voter refuses pre-votes and new grants while its grant to another node runs or it
/// hears another leader (check-quorum), so a node back from a partition, behind a one-way link or
/// with a stale high epoch cannot depose a leader that still holds its quorum. A restarted node
/// always starts as a follower; a restarted voter honours its persisted grant for one whole lease.
/// </summary>
public sealed partial class ElectionMachine
{
    private readonly ElectionConfig _config;
    private readonly NodeId _self;
    private readonly CandidateRank? _rank;
    private readonly Duration _leaderSideLease;
    private readonly ImmutableArray<NodeId> _announceTo;
    private readonly Outbox _outbox;
    private readonly IDurableStore _store;
    private readonly Prng _prng;
    private readonly Instant _graceEnd;

    /// <param name="announceTo">The peers this node can dial, told of its leadership.</param>
    public ElectionMachine(
        ElectionConfig config, NodeId self, int driftBoundPpm, ImmutableArray<NodeId> announceTo,
        Outbox outbox, IDurableStore store, Prng prng, Instant now)
    {
        _config = config;
        _self = self;
        // With no voters no lease can ever be granted: the machine stays an inert follower.
        _rank = config.Voters.IsDefaultOrEmpty ? null : config.RankOf(self);
        _leaderSideLease = LeaseMath.LeaderSide(config.Lease, driftBoundPpm);
        _announceTo = announceTo;
        _outbox = outbox;
        _store = store;
        _prng = prng;
        _graceEnd = now + config.StartupGrace;
        var durable = store.Current.Election;
        _maxEpoch = durable.MaxEpoch;
        RestoreGrant(durable, now);
    }

    public NodeRole Role { get; private set; } = NodeRole.Follower;

    /// <summary>The epoch of this node's current candidacy or leadership.</summary>
    public long Epoch { get; private set; }

    /// <summary>The leader this node follows (itself when leading), or null when it knows none.</summary>
    public NodeId? LeaderId { get; private set; }

    /// <summary>The epoch of <see cref="LeaderId"/>; followers reject leader actions with an older one.</summary>
    public long LeaderEpoch { get; private set; }

    /// <summary>When the lease ends on this node's clock; meaningful while leading.</summary>
    public Instant ValidUntil { get; private set; }

    /// <summary>Increases whenever role, leader or epoch change.</summary>
    public int Version { get; private set; }

    public bool IsEligible => _rank is not null;

    /// <summary>True only while this node holds a majority of unexpired grants: the test before any leader action.</summary>
    public bool IsLeader(Instant now) => Role == NodeRole.Leader && now < ValidUntil;

    /// <summary>True when an action stamped with <paramref name="epoch"/> is not stale for this node.</summary>
    public bool AcceptsEpoch(long epoch) => epoch >= LeaderEpoch;

    public Instant NextDeadline => Role switch
    {
        NodeRole.Leader => Instant.Min(ValidUntil, _nextRenewAt),
        NodeRole.Candidate => _candidateDeadline,
        _ => FollowerDeadline(),
    };

    /// <summary>Advances timers: lease lapse and renewal, candidacy timeout, leader loss and campaigning.</summary>
    public void Tick(Instant now, ImmutableArray<MemberView> members)
    {
        switch (Role)
        {
            case NodeRole.Leader when now >= ValidUntil: StepDownNow(now, "lease expired"); break;
            case NodeRole.Leader when now >= _nextRenewAt: Renew(now); break;
            case NodeRole.Candidate when now >= _candidateDeadline: GiveUp(); break;
        }
        if (Role == NodeRole.Follower) FollowerTick(now, members);
    }

    private void SetRole(NodeRole role)
    {
        Role = role;
        Version++;
    }

    private void Follow(NodeId? leader, long epoch)
    {
        if (leader == LeaderId && epoch == LeaderEpoch) return;
        LeaderId = leader;
        LeaderEpoch = epoch;
        Version++;
        _outbox.Notify(new LeaderChanged(leader, epoch));
    }

    private void SendToVoters(Message message, bool whenDurable)
    {
        foreach (var voter in _config.Voters)
        {
            var outbound = new Outbound(voter, message);
            if (whenDurable) _outbox.SendWhenDurable(outbound);
            else _outbox.Send(outbound);
        }
    }
}
