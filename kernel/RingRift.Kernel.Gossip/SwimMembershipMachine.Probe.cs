using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

public sealed partial class SwimMembershipMachine
{
    /// <summary>
    /// Ends the previous period (an unanswered probe is a failure) and starts the next: ping the next
    /// member in the round-robin order. A NAT-blocked node only pings (its beat, and its way to hear
    /// gossip): it opens no probe, because it judges nobody.
    /// </summary>
    private void StartPeriod(Instant now)
    {
        ConcludeProbe(now);
        _nextPeriod = now + CurrentPeriod;
        if (!IncarnationDurable || NextProbeTarget() is not { } target) return;
        var sequence = NextSequence();
        if (!_self.NatBlocked) _probe.Start(target, sequence, now + _health.Scale(_config.ProbeTimeout));
        SendPing(target, sequence);
    }

    /// <summary>
    /// A probe still open at the end of its period failed. Lifeguard: if the ping-req intermediaries all
    /// answered with nacks, the network around this node works and the target is the one at fault; each
    /// missing nack, or having had nobody to ask, counts against this node's own health.
    /// </summary>
    private void ConcludeProbe(Instant now)
    {
        if (_probe.Target is not { } target) return;
        var missingNacks = _probe.NacksExpected > 0 ? _probe.NacksExpected - _probe.NacksReceived : 1;
        _probe.Close();
        AdjustHealth(now, missingNacks);
        if (target.Verifying) ConfirmDead(now, target);
        else Accuse(now, target);
    }

    /// <summary>
    /// A suspicion waiting for verification first (oldest first, still Suspect); otherwise the next Alive
    /// or Suspect member in the shuffled order, reshuffled at each wrap; null if there is none.
    /// </summary>
    private SwimMember? NextProbeTarget()
    {
        while (_verifications.Count > 0)
        {
            var suspect = _verifications[0];
            _verifications.RemoveAt(0);
            if (suspect.Verifying) return suspect;
        }
        var count = _probeOrder.Count;
        for (var tried = 0; tried <= count && count > 0; tried++)
        {
            if (_probeCursor >= count)
            {
                Shuffle(_probeOrder);
                _probeCursor = 0;
            }
            var candidate = _probeOrder[_probeCursor++];
            if (candidate.State <= MemberState.Suspect) return candidate;
        }
        return null;
    }

    /// <summary>Fisher–Yates, drawing from this node's stream.</summary>
    private void Shuffle(List<SwimMember> members)
    {
        for (var i = members.Count - 1; i > 0; i--)
        {
            var j = (int)_prng.NextBelow((ulong)i + 1);
            (members[i], members[j]) = (members[j], members[i]);
        }
    }

    /// <summary>The direct wait is over: ask up to k random Alive, dialable members other than the target to ping it for us.</summary>
    private void SendIndirect()
    {
        _probe.IndirectSent = true;
        var target = _probe.Target!;
        _candidates.Clear();
        foreach (var member in _members)
            if (member != target && member.IsDialable && member.State == MemberState.Alive) _candidates.Add(member);
        var count = System.Math.Min(_config.IndirectProbes, _candidates.Count);
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)_prng.NextBelow((ulong)(_candidates.Count - i));
            (_candidates[i], _candidates[j]) = (_candidates[j], _candidates[i]);
            var intermediary = _candidates[i];
            _outbox.Send(new Outbound(intermediary.Node,
                new SwimPingReq(_incarnation, _probe.Sequence, target.Node, Piggyback(intermediary))));
        }
        _probe.NacksExpected = count;
    }

    /// <summary>
    /// Every dead-probe interval, pings the next Dead or Retired dialable member. The ping carries the
    /// verdict, so a member that is in fact alive (a healed partition) refutes it in its ack.
    /// </summary>
    private void ProbeDead(Instant now)
    {
        _nextDeadProbe = now + _config.DeadProbeInterval;
        if (!IncarnationDurable || _deadDialable == 0) return;
        for (var tried = 0; tried < _members.Count; tried++)
        {
            var member = _members[_deadProbeCursor];
            _deadProbeCursor = (_deadProbeCursor + 1) % _members.Count;
            if (member.IsDialable && member.State >= MemberState.Dead)
            {
                SendPing(member, NextSequence());
                return;
            }
        }
    }

    /// <summary>
    /// Nacks the requesters of relayed pings whose target is still silent at the nack time, and forgets
    /// relays whose window has closed (a later ack would come too late for the requester to count).
    /// </summary>
    private void ExpireRelays(Instant now)
    {
        var kept = 0;
        for (var i = 0; i < _relays.Count; i++)
        {
            var relay = _relays[i];
            if (relay.NackAt <= now)
            {
                _outbox.Send(new Outbound(relay.Requester, new SwimNack(_incarnation, relay.RequesterSequence), IsResponse: true));
                relay = relay with { NackAt = Instant.MaxValue };
            }
            if (relay.ExpiresAt > now) _relays[kept++] = relay;
        }
        _relays.RemoveRange(kept, _relays.Count - kept);
    }

    private long NextSequence() => checked(++_sequence);

    private void SendPing(SwimMember to, long sequence) =>
        _outbox.Send(new Outbound(to.Node, new SwimPing(_incarnation, sequence, Piggyback(to))));
}
