using System.Collections.Generic;

namespace RingRift.Kernel.Election;

/// <summary>
/// Pre-vote and check-quorum. Before a candidate bumps and persists its epoch it asks every voter
/// whether it would grant; only a majority of yeses starts the real candidacy. A voter says no while
/// it holds a running grant for another node or has heard another leader within the leader timeout,
/// so a node that cannot hear the leader (one-way link, partition, long pause) neither burns epochs
/// nor takes voters away from a leader that still holds its quorum.
/// </summary>
public sealed partial class ElectionMachine
{
    private readonly HashSet<NodeId> _preVotes = new();
    private readonly HashSet<NodeId> _preVoteRefusals = new();
    private Instant? _preVoteSentAt;
    private Instant _preVoteDeadline;

    /// <summary>True while this node waits for pre-vote answers; its role stays Follower meanwhile.</summary>
    public bool IsPreVoting => _preVoteSentAt is not null;

    /// <summary>Answers a pre-vote at once: nothing is promised, so nothing is persisted.</summary>
    public void OnPreVoteRequest(Instant now, NodeId from, PreVoteRequest request)
    {
        if (!_config.IsVoter(_self)) return;
        var busyFor = BusyFor(now, from);
        var granted = _config.RankOf(from) is not null && busyFor == Duration.Zero;
        var reply = new PreVoteReply(request.Epoch, granted, request.SentAt, _maxEpoch, busyFor);
        _outbox.Send(new Outbound(from, reply, IsResponse: true));
    }

    /// <summary>Counts an answer to the current round; a majority of yeses starts the real candidacy.</summary>
    public void OnPreVoteReply(Instant now, NodeId from, PreVoteReply reply)
    {
        NoteEpoch(reply.VoterMaxEpoch);
        if (_preVoteSentAt != reply.RequestSentAt || Role != NodeRole.Follower || !_config.IsVoter(from)) return;
        if (!reply.Granted)
        {
            _retryNotBefore = Instant.Max(_retryNotBefore, now + reply.BusyFor);
            if (_preVoteRefusals.Add(from) && _preVoteRefusals.Count > _config.Voters.Length - _config.Quorum)
                EndPreVote();
            return;
        }
        if (!_preVotes.Add(from) || _preVotes.Count < _config.Quorum) return;
        EndPreVote();
        StartCampaign(now);
    }

    private void StartPreVote(Instant now)
    {
        _preVotes.Clear();
        _preVoteRefusals.Clear();
        _preVoteSentAt = now;
        _preVoteDeadline = now + _config.CandidateTimeout;
        SendToVoters(new PreVoteRequest(_maxEpoch + 1, now), whenDurable: false);
    }

    private void EndPreVote()
    {
        _preVoteSentAt = null;
        _preVotes.Clear();
        _preVoteRefusals.Clear();
    }

    /// <summary>
    /// How long this voter will refuse <paramref name="from"/> a new grant: while its grant to another
    /// node runs, and while another leader it heard is within the leader timeout (check-quorum).
    /// </summary>
    private Duration BusyFor(Instant now, NodeId from)
    {
        var busy = Duration.Zero;
        if (_grantee is { } grantee && grantee != from && now < _grantExpiry) busy = _grantExpiry - now;
        if (LeaderId is { } leader && leader != from && leader != _self && LeaderHeardRecently(now))
        {
            var heard = _leaderHeardAt + _config.LeaderTimeout - now;
            if (heard > busy) busy = heard;
        }
        return busy;
    }
}
