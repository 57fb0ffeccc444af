using System.Collections.Immutable;

namespace RingRift.Kernel.Election;

public sealed partial class ElectionMachine
{
    private Instant _leaderHeardAt;
    private Instant? _campaignAt;
    private Instant _standAsideUntil;
    private long _maxEpoch;

    /// <summary>Adopts the announced leader unless the announcement is older than what this node follows.</summary>
    public void OnLeaderAnnounce(Instant now, NodeId from, LeaderAnnounce announce)
    {
        if (from == _self || announce.Epoch < LeaderEpoch) return;
        NoteEpoch(announce.Epoch);
        if (Role == NodeRole.Leader && announce.Epoch > Epoch) StepDownNow(now, "newer epoch announced");
        if (Role == NodeRole.Candidate && announce.Epoch >= Epoch) AbandonCandidacy();
        if (Role == NodeRole.Leader) return;
        Follow(from, announce.Epoch);
        _leaderHeardAt = now;
        _campaignAt = null;
        EndPreVote();
    }

    private void NoteEpoch(long epoch)
    {
        if (epoch > _maxEpoch) _maxEpoch = epoch;
    }

    private bool LeaderHeardRecently(Instant now) => LeaderId is not null && now < _leaderHeardAt + _config.LeaderTimeout;

    private Instant FollowerDeadline()
    {
        if (LeaderId is not null) return _leaderHeardAt + _config.LeaderTimeout;
        if (_preVoteSentAt is not null) return _preVoteDeadline;
        return _campaignAt ?? (IsEligible ? _graceEnd : Instant.MaxValue);
    }

    private void FollowerTick(Instant now, ImmutableArray<MemberView> members)
    {
        if (LeaderHeardRecently(now)) return;
        if (LeaderId is not null) Follow(null, LeaderEpoch);
        if (!IsEligible) return;
        if (_preVoteSentAt is not null)
        {
            if (now < _preVoteDeadline) return;
            EndPreVote();
        }
        if (_campaignAt is null)
        {
            var earliest = Instant.Max(Instant.Max(now, _retryNotBefore), Instant.Max(_graceEnd, _standAsideUntil));
            _campaignAt = earliest + _config.RankStep * BetterLiveCandidates(members) + _prng.NextDuration(Duration.Zero, _config.Jitter);
            return;
        }
        if (now < _campaignAt.Value) return;
        _campaignAt = null;
        // A node that cannot make its epoch durable cannot campaign; it tries again a rank step later.
        if (!_outbox.AllDurable) _campaignAt = now + _config.RankStep + _prng.NextDuration(Duration.Zero, _config.Jitter);
        else if (SeesVoterMajority(members)) StartPreVote(now);
    }

    /// <summary>How many candidates ranked above this node are alive in its view: each makes it wait one rank step more.</summary>
    private int BetterLiveCandidates(ImmutableArray<MemberView> members)
    {
        var better = 0;
        foreach (var member in members)
            if (member.State == MemberState.Alive && _config.RankOf(member.Peer) is { } rank && rank.CompareTo(_rank!.Value) < 0)
                better++;
        return better;
    }

    /// <summary>A candidate that cannot see a majority of voters alive would only disturb them.</summary>
    private bool SeesVoterMajority(ImmutableArray<MemberView> members)
    {
        var alive = _config.IsVoter(_self) ? 1 : 0;
        foreach (var member in members)
            if (member.State <= MemberState.Suspect && _config.IsVoter(member.Peer)) alive++;
        return alive >= _config.Quorum;
    }
}
