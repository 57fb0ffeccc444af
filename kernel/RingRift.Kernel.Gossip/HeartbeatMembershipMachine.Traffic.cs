namespace RingRift.Kernel.Gossip;

public sealed partial class HeartbeatMembershipMachine
{
    /// <summary>Handles a heartbeat; answers a NAT-blocked sender on its own connection.</summary>
    public void OnHeartbeat(Instant now, NodeId from, Heartbeat heartbeat)
    {
        if (!Hear(now, from, heartbeat.Profile, heartbeat.Load, heartbeat.Incarnation, heartbeat.Sequence)) return;
        // Not answered before the incarnation is durable (the sender asks again next round), for
        // the same reason rounds are not queued: the hold-back queue is bounded.
        if (heartbeat.WantsAck && _outbox.AllDurable)
            _outbox.SendWhenDurable(new Outbound(from, new HeartbeatAck(_incarnation, _sequence, _self, _load), IsResponse: true));
    }

    public void OnHeartbeatAck(Instant now, NodeId from, HeartbeatAck ack) =>
        Hear(now, from, ack.Profile, ack.Load, ack.Incarnation, ack.Sequence);

    /// <summary>Applies what a peer said about itself; false when the message is stale or forged.</summary>
    private bool Hear(Instant now, NodeId from, NodeProfile profile, NodeLoad load, long incarnation, long sequence)
    {
        if (profile.Node != from || from == _self.Node) return false;
        if (!_byId.TryGetValue(from, out var peer))
        {
            if (_peers.Count >= _config.PeerTableMax) return false;
            peer = Discover(profile, now);
        }
        if (!IsNewer(peer, incarnation, sequence)) return false;
        if (incarnation > peer.Incarnation && peer.Incarnation > 0 && _judgesLiveness)
            _outbox.Notify(new PeerRestarted(from, peer.Incarnation, incarnation));
        // Snapshots show incarnations, so a new one must rebuild them like a state change does.
        if (incarnation != peer.Incarnation) Version++;
        peer.Incarnation = incarnation;
        peer.LastSequence = sequence;
        peer.Profile = profile;
        peer.Load = load;
        peer.LastHeard = now;
        if (peer.State != MemberState.Alive)
        {
            ChangeState(peer, MemberState.Alive);
            _nextTransitionDue = Instant.Min(_nextTransitionDue, now + _config.SuspectTimeout);
        }
        return true;
    }

    private static bool IsNewer(PeerRecord peer, long incarnation, long sequence) =>
        incarnation > peer.Incarnation || (incarnation == peer.Incarnation && sequence > peer.LastSequence);

    private PeerRecord Discover(NodeProfile profile, Instant now)
    {
        AddPeer(profile, now);
        var record = _byId[profile.Node];
        _peers.Sort(static (a, b) => a.Node.CompareTo(b.Node));
        Version++;
        // The timeout scan may have been idle (every other peer Retired, or none), so schedule it.
        _nextTransitionDue = Instant.Min(_nextTransitionDue, now + _config.SuspectTimeout);
        _outbox.Notify(new PeerDiscovered(profile.Node));
        return record;
    }

    private void SendHeartbeats(Instant now)
    {
        _nextHeartbeat = now + _config.HeartbeatInterval;
        // A round carries the incarnation, so while a persist is pending it is owed, not queued
        // behind it: a disk that keeps failing would otherwise fill the bounded hold-back queue round
        // by round. The schedule keeps its pace (ObserveTime relies on a step every interval), and
        // the owed round leaves on the first tick after the persist completes.
        _roundOwed = !_outbox.AllDurable;
        if (_roundOwed) return;
        _sequence++;
        var heartbeat = new Heartbeat(_incarnation, _sequence, _self, _load, WantsAck: _self.NatBlocked);
        foreach (var peer in _peers)
        {
            if (!peer.IsDialable) continue;
            if (peer.State == MemberState.Retired)
            {
                if (now < peer.NextProbe) continue;
                peer.NextProbe = now + _config.RetiredProbeInterval;
            }
            _outbox.SendWhenDurable(new Outbound(peer.Node, heartbeat));
        }
    }
}
