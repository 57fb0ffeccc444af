using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

public sealed partial class SwimMembershipMachine
{
    /// <summary>
    /// Handles a SWIM message from <paramref name="from"/>. Messages from nodes outside the table (not
    /// configured, or NAT-blocked like this node) are ignored. The sender's own incarnation is taken as its
    /// alive claim, the piggybacked updates are applied, and only then is the message answered, so that
    /// an answer already carries any refutation the updates called for. Answers wait for the boot count
    /// to be durable; until then the prober sees silence, as from a node still booting.
    /// </summary>
    public void OnMessage(Instant now, NodeId from, SwimMessage message)
    {
        if (!_byId.TryGetValue(from, out var sender)) return;
        if (message.Sender > sender.Incarnation) Revive(now, sender, message.Sender, gossip: true);
        switch (message)
        {
            case SwimPing ping:
                Apply(now, ping.Updates);
                OnBeat(now, sender, ping.Sender, ping.Sequence);
                if (IncarnationDurable) Answer(sender, ping.Sequence);
                break;
            case SwimAck ack:
                Apply(now, ack.Updates);
                OnAck(now, sender, ack.Sequence);
                break;
            case SwimPingReq request:
                Apply(now, request.Updates);
                OnBeat(now, sender, request.Sender, request.Sequence);
                Relay(now, sender, request);
                break;
            case SwimNack nack:
                if (_probe.IsOpen && nack.Sequence == _probe.Sequence && _probe.NacksReceived < _probe.NacksExpected)
                    _probe.NacksReceived++;
                break;
        }
    }

    private void Apply(Instant now, ImmutableArray<SwimUpdate> updates)
    {
        foreach (var update in updates) Apply(now, update);
    }

    /// <summary>An ack closes the open probe (directly or through an intermediary), or is relayed to the member that asked us.</summary>
    private void OnAck(Instant now, SwimMember sender, long sequence)
    {
        if (_probe.IsOpen && sequence == _probe.Sequence)
        {
            var target = _probe.Target!;
            _probe.Close();
            AdjustHealth(now, -1);
            // A verified member that answered without refuting (its refutation counter is exhausted, or a
            // relayed ack came first): this node's evidence says alive, so the suspicion starts over.
            if (target.Verifying) Suspect(now, target, target.Accusers[0]);
            return;
        }
        for (var i = 0; i < _relays.Count; i++)
        {
            var relay = _relays[i];
            if (relay.Sequence != sequence || relay.Target != sender.Node) continue;
            _relays.RemoveAt(i);
            _outbox.Send(new Outbound(relay.Requester,
                new SwimAck(_incarnation, relay.RequesterSequence, Piggyback(relay.Requester)), IsResponse: true));
            return;
        }
    }

    private void Answer(SwimMember to, long sequence) =>
        _outbox.Send(new Outbound(to.Node, new SwimAck(_incarnation, sequence, Piggyback(to)), IsResponse: true));

    /// <summary>
    /// Pings a dialable member for the requester; its ack is relayed while the requester's indirect window
    /// lasts, and its silence past <see cref="SwimConfig.NackAfter"/> answered with a nack. Both use the
    /// configured, unstretched timing: the requester's own health is not known here.
    /// </summary>
    private void Relay(Instant now, SwimMember requester, SwimPingReq request)
    {
        if (!IncarnationDurable || _relays.Count >= RelaysMax) return;
        if (!_byId.TryGetValue(request.Target, out var target) || !target.IsDialable) return;
        var sequence = NextSequence();
        _relays.Add(new SwimRelay(
            requester.Node, request.Sequence, sequence, target.Node, now + _config.NackAfter, now + _config.IndirectWindow));
        SendPing(target, sequence);
        Invariant.True(_relays.Count <= RelaysMax);
    }

    private ImmutableArray<SwimUpdate> Piggyback(NodeId to) =>
        _byId.TryGetValue(to, out var member) ? Piggyback(member) : Piggyback(null);

    /// <summary>
    /// The updates for one message to <paramref name="to"/>: first this node's verdict on the receiver
    /// itself if it is not Alive (Lifeguard's buddy system: the suspect hears it at once and can refute),
    /// then the queue's, up to the piggyback bound.
    /// </summary>
    private ImmutableArray<SwimUpdate> Piggyback(SwimMember? to)
    {
        _piggyback.Clear();
        if (to is { State: not MemberState.Alive })
        {
            _piggyback.Add(to.State == MemberState.Suspect
                ? SwimUpdate.Suspect(to.Node, to.Incarnation, to.Accusers[0])
                : SwimUpdate.Dead(to.Node, to.Incarnation));
        }
        _gossip.Fill(_piggyback, _config.PiggybackMax, _retransmitLimit, to?.Node ?? default);
        return _piggyback.Count == 0 ? ImmutableArray<SwimUpdate>.Empty : ImmutableArray.CreateRange(_piggyback);
    }
}
