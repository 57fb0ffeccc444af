using System;
using System.Collections.Generic;

namespace RingRift.Kernel.Election;

public sealed partial class ElectionMachine
{
    private readonly Dictionary<NodeId, Instant> _grantAskedAt = new();
    private readonly HashSet<NodeId> _refusedBy = new();
    private Instant _candidateDeadline;
    private Instant _nextRenewAt;
    private Instant _retryNotBefore;

    /// <summary>Stops leading now; a requested step-down also stands aside for two leases.</summary>
    public void StepDownOnRequest(Instant now)
    {
        _standAsideUntil = now + _config.Lease * 2;
        if (Role == NodeRole.Leader) StepDownNow(now, "requested");
    }

    /// <summary>Counts a voter's grant for the current epoch, measured from when this node asked.</summary>
    public void OnLeaseReply(Instant now, NodeId from, LeaseReply reply)
    {
        NoteEpoch(reply.VoterMaxEpoch);
        if (Role == NodeRole.Follower || reply.Epoch != Epoch || !_config.IsVoter(from)) return;
        if (!reply.Granted)
        {
            _retryNotBefore = Instant.Max(_retryNotBefore, now + reply.BusyFor);
            // Once a majority is out of reach, waiting for the timeout only keeps voters tied up.
            if (Role == NodeRole.Candidate && _refusedBy.Add(from) && _refusedBy.Count > _config.Voters.Length - _config.Quorum)
                GiveUp();
            return;
        }
        if (_grantAskedAt.TryGetValue(from, out var asked) && asked >= reply.RequestSentAt) return;
        _grantAskedAt[from] = reply.RequestSentAt;
        var validUntil = QuorumLeaseEnd();
        if (validUntil <= now || validUntil <= ValidUntil) return;
        ValidUntil = validUntil;
        if (Role == NodeRole.Candidate) BecomeLeader(now);
        else _outbox.Notify(new LeaseExtended(Epoch, ValidUntil));
    }

    private void StartCampaign(Instant now)
    {
        Epoch = _maxEpoch + 1;
        _maxEpoch = Epoch;
        _store.Save(_store.Current with { Election = _store.Current.Election with { MaxEpoch = Epoch } });
        SetRole(NodeRole.Candidate);
        _grantAskedAt.Clear();
        _refusedBy.Clear();
        ValidUntil = Instant.Zero;
        _candidateDeadline = now + _config.CandidateTimeout;
        _outbox.Notify(new ElectionStarted(Epoch));
        // Requests leave only once the epoch is durable; measuring the lease from now is conservative.
        SendToVoters(new LeaseRequest(Epoch, _config.Lease, now), whenDurable: true);
    }

    /// <summary>Lost this candidacy: give the grants back and campaign again after the usual rank delay and jitter.</summary>
    private void GiveUp()
    {
        SendToVoters(new LeaseRelease(Epoch), whenDurable: false);
        AbandonCandidacy();
        _campaignAt = null;
    }

    private void AbandonCandidacy()
    {
        SetRole(NodeRole.Follower);
        _grantAskedAt.Clear();
        _refusedBy.Clear();
    }

    private void BecomeLeader(Instant now)
    {
        SetRole(NodeRole.Leader);
        Follow(_self, Epoch);
        _outbox.Notify(new LeaderElected(Epoch, ValidUntil));
        Announce();
        _nextRenewAt = now + _config.RenewInterval;
    }

    private void Renew(Instant now)
    {
        SendToVoters(new LeaseRequest(Epoch, _config.Lease, now), whenDurable: false);
        Announce();
        _nextRenewAt = now + _config.RenewInterval;
    }

    private void Announce()
    {
        var announce = new LeaderAnnounce(Epoch);
        foreach (var peer in _announceTo) _outbox.Send(new Outbound(peer, announce));
    }

    private void StepDownNow(Instant now, string reason)
    {
        SetRole(NodeRole.Follower);
        _grantAskedAt.Clear();
        _outbox.Notify(new LeaderSteppedDown(Epoch, reason));
        Follow(null, LeaderEpoch);
        _leaderHeardAt = now;
        _campaignAt = null;
    }

    /// <summary>The lease holds until the quorum-th latest grant lapses (see <see cref="LeaseMath"/>).</summary>
    private Instant QuorumLeaseEnd()
    {
        if (_grantAskedAt.Count < _config.Quorum) return Instant.Zero;
        Span<long> asked = stackalloc long[_grantAskedAt.Count];
        var i = 0;
        foreach (var at in _grantAskedAt.Values) asked[i++] = at.Micros;
        asked.Sort();
        return new Instant(asked[asked.Length - _config.Quorum]) + _leaderSideLease;
    }
}
