namespace RingRift.Kernel.Election;

public sealed partial class ElectionMachine
{
    private NodeId? _grantee;
    private long _grantEpoch;
    private Instant _grantExpiry;

    /// <summary>
    /// Answers a lease request. Renews the current grantee's lease at its epoch; grants a newer epoch to
    /// an eligible candidate only when no other grant is running and no other leader has been heard
    /// within the leader timeout; refuses everything else. A new grant
    /// is persisted before the reply leaves, and renewals of it are answered only once it is durable.
    /// </summary>
    public void OnLeaseRequest(Instant now, NodeId from, LeaseRequest request)
    {
        // While this node's own state is not yet on disk it answers nothing: a grant it cannot make
        // durable is no grant, and queueing answers behind a failing disk would fill the hold-back queue.
        if (!_config.IsVoter(_self) || !_outbox.AllDurable) return;
        YieldToBetterCandidate(now, from);
        var granted = Decide(now, from, request, out var isNewGrant);
        if (granted)
        {
            _grantee = from;
            _grantEpoch = request.Epoch;
            _grantExpiry = now + _config.VoterHonours;
        }
        if (isNewGrant)
        {
            NoteEpoch(request.Epoch);
            _store.Save(_store.Current with { Election = new ElectionDurable(_maxEpoch, request.Epoch, from) });
            _outbox.Notify(new LeaseGranted(from, request.Epoch));
        }
        var busyFor = granted ? Duration.Zero : BusyFor(now, from);
        _outbox.SendWhenDurable(new Outbound(from, new LeaseReply(request.Epoch, granted, request.SentAt, _maxEpoch, busyFor), IsResponse: true));
    }

    private bool Decide(Instant now, NodeId from, LeaseRequest request, out bool isNewGrant)
    {
        isNewGrant = false;
        if (_config.RankOf(from) is null || request.Lease != _config.Lease) return false;
        var running = _grantee is not null && now < _grantExpiry;
        if (running && _grantee != from) return false;
        if (running && request.Epoch == _grantEpoch) return true;
        if (request.Epoch <= _grantEpoch) return false;
        // Check-quorum: while another leader is heard, a new grant could only depose it.
        if (BusyFor(now, from) > Duration.Zero) return false;
        isNewGrant = true;
        return true;
    }

    /// <summary>
    /// Bully rule: a voter campaigning itself that is asked by a better-ranked candidate gives up and
    /// takes back the grant it gave itself, so two voter-candidates holding their own votes cannot
    /// split every election between them.
    /// </summary>
    private void YieldToBetterCandidate(Instant now, NodeId from)
    {
        if (Role != NodeRole.Candidate || _config.RankOf(from) is not { } rank || rank.CompareTo(_rank!.Value) >= 0) return;
        var campaign = Epoch;
        GiveUp();
        if (_grantee == _self && _grantEpoch == campaign) _grantExpiry = now;
    }

    /// <summary>The grantee lost its candidacy at that epoch and gives the grant back.</summary>
    public void OnLeaseRelease(Instant now, NodeId from, LeaseRelease release)
    {
        if (_grantee == from && _grantEpoch == release.Epoch && now < _grantExpiry) _grantExpiry = now;
    }

    /// <summary>A voter that restarts cannot know how long its last grant has left, so it assumes a whole one.</summary>
    private void RestoreGrant(ElectionDurable durable, Instant now)
    {
        if (durable.Grantee is not { } grantee) return;
        _grantee = grantee;
        _grantEpoch = durable.GrantedEpoch;
        _grantExpiry = now + _config.VoterHonours;
    }
}
