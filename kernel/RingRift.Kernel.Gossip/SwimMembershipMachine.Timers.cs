namespace RingRift.Kernel.Gossip;

public sealed partial class SwimMembershipMachine
{
    /// <summary>Fires every member timer that is due and finds the next one: O(members), run only when one is due.</summary>
    private void AdvanceTimers(Instant now)
    {
        var next = Instant.MaxValue;
        foreach (var member in _members)
        {
            if (TimerOf(member) <= now) Fire(now, member);
            next = Instant.Min(next, TimerOf(member));
        }
        _nextTimerDue = next;
    }

    /// <summary>When the member next changes by itself: a suspicion runs out, a death retires, a NAT member's silence is too long.</summary>
    private Instant TimerOf(SwimMember member) => member.State switch
    {
        MemberState.Suspect => member.SuspicionDeadline,
        MemberState.Dead => member.RetireAt,
        MemberState.Alive when JudgesByBeat(member) => member.BeatHeardAt + _health.Scale(_config.NatSilence),
        _ => Instant.MaxValue,
    };

    private void Fire(Instant now, SwimMember member)
    {
        switch (member.State)
        {
            case MemberState.Suspect:
                if (NeedsVerification(member)) Verify(now, member);
                else if (IsBeingVerified(member)) member.SuspicionDeadline = now + CurrentPeriod;
                else ConfirmDead(now, member);
                break;
            case MemberState.Dead:
                ChangeState(member, MemberState.Retired);
                break;
            case MemberState.Alive:
                Accuse(now, member);
                break;
        }
    }

    /// <summary>
    /// A suspicion that runs out without one independent confirmation rests on a single accuser's single
    /// failed probe, or on an accusation about an incarnation this node cannot place (a member it never
    /// heard from). Before such a suspicion becomes a death, this node probes the member itself once. A
    /// real crash is confirmed by the other members' probes long before; a live member answers the
    /// verification (refuting the suspicion it carries) and never dies of a lost message or two. Members
    /// nobody can probe (NAT-blocked), clusters too small to confirm anything, and a NAT-blocked node
    /// (which probes to no verdict) declare the death as it stands.
    /// </summary>
    private bool NeedsVerification(SwimMember member) =>
        !member.Verifying && member.Confirmations == 0 && _suspicionTimeouts.Length > 1 && member.IsDialable && !_self.NatBlocked;

    /// <summary>Queues the verification probe; the suspicion waits two more periods for it.</summary>
    private void Verify(Instant now, SwimMember member)
    {
        member.Verifying = true;
        if (!_verifications.Contains(member)) _verifications.Add(member);
        Invariant.True(_verifications.Count <= _members.Count);
        member.SuspicionDeadline = now + CurrentPeriod * 2;
    }

    /// <summary>
    /// The verification probe is queued or out (health may have stretched the period since it was
    /// queued): the suspicion waits for its verdict, a period at a time. Without a durable incarnation
    /// nothing can be probed, so the suspicion stands as it is.
    /// </summary>
    private bool IsBeingVerified(SwimMember member) =>
        member.Verifying && IncarnationDurable && (_probe.Target == member || _verifications.Contains(member));

    private void ConfirmDead(Instant now, SwimMember member)
    {
        DeclareDead(now, member);
        _gossip.Enqueue(SwimUpdate.Dead(member.Node, member.Incarnation));
    }

    /// <summary>A NAT-blocked member is judged by its beat, and only by nodes that are not NAT-blocked themselves.</summary>
    private bool JudgesByBeat(SwimMember member) => member.Profile.NatBlocked && !_self.NatBlocked;

    /// <summary>
    /// This node was not stepped for <paramref name="gap"/>. Its silence was its own, and messages from its
    /// peers may be queued behind it: drop the open probe (a verification probe is queued again) and the
    /// relays (their requesters have concluded), credit every member's timers with the gap, start a fresh
    /// period now, and count the stall against local health.
    /// </summary>
    private void CreditStall(Instant now, Duration gap)
    {
        if (_probe.Target is { Verifying: true } verifying && !_verifications.Contains(verifying)) _verifications.Insert(0, verifying);
        _probe.Close();
        _relays.Clear();
        foreach (var member in _members)
        {
            member.SuspectedAt += gap;
            member.SuspicionDeadline += gap;
            member.RetireAt += gap;
            member.BeatHeardAt += gap;
        }
        _nextPeriod = now;
        _nextTimerDue = now;
        _outbox.Notify(new LocalStallDetected(gap));
        AdjustHealth(now, 1);
    }
}
