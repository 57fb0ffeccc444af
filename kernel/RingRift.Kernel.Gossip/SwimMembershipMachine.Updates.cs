namespace RingRift.Kernel.Gossip;

public sealed partial class SwimMembershipMachine
{
    /// <summary>
    /// SWIM's precedence rules. About member M known at incarnation i: alive(j) wins if j &gt; i;
    /// suspect(j) wins over Alive if j ≥ i, over Suspect if j &gt; i (at j = i it is a confirmation);
    /// dead(j) wins over Alive and Suspect if j ≥ i. Dead members are revived only by a newer alive claim.
    /// A winning update is gossiped on; a losing or repeated one is dropped, which is what ends gossip.
    /// </summary>
    private void Apply(Instant now, in SwimUpdate update)
    {
        if (update.Node == _self.Node)
        {
            AboutSelf(now, update);
            return;
        }
        if (!_byId.TryGetValue(update.Node, out var member)) return;
        switch (update.Kind)
        {
            case SwimUpdateKind.Alive:
                if (update.Incarnation > member.Incarnation) Revive(now, member, update.Incarnation, gossip: true);
                break;
            case SwimUpdateKind.Suspect: OnSuspect(now, member, update); break;
            case SwimUpdateKind.Dead: OnDead(now, member, update); break;
            case SwimUpdateKind.Beat: OnBeat(now, member, update.Incarnation, update.Beat); break;
        }
    }

    private void OnSuspect(Instant now, SwimMember member, in SwimUpdate update)
    {
        if (update.Incarnation < member.Incarnation)
        {
            Correct(member);
            return;
        }
        if (member.State >= MemberState.Dead) return;
        if (member.State == MemberState.Suspect && update.Incarnation == member.Incarnation)
        {
            if (Confirm(member, update.Accuser)) _gossip.Enqueue(update);
            return;
        }
        SetIncarnation(member, update.Incarnation);
        Suspect(now, member, update.Accuser);
        _gossip.Enqueue(update);
    }

    private void OnDead(Instant now, SwimMember member, in SwimUpdate update)
    {
        if (update.Incarnation < member.Incarnation)
        {
            Correct(member);
            return;
        }
        SetIncarnation(member, update.Incarnation);
        if (member.State >= MemberState.Dead) return;
        DeclareDead(now, member);
        _gossip.Enqueue(update);
    }

    /// <summary>
    /// A suspicion or death stated at an incarnation older than the one this node knows the member Alive
    /// at is outranked here, but not where it came from: members are configured, not joined, so a node
    /// that never heard from a member holds it at the unknown incarnation and may accuse it there. Without
    /// a correction, everyone who knows better would drop the claim, it would never reach the member to
    /// be refuted, and it would run out into a false death. So the newer alive is gossiped back; it stops
    /// spreading wherever it is not news.
    /// </summary>
    private void Correct(SwimMember member)
    {
        if (member.State == MemberState.Alive) _gossip.Enqueue(SwimUpdate.Alive(member.Node, member.Incarnation));
    }

    /// <summary>A NAT-blocked member's beat: newer than the last one heard, it restarts the member's silence clock and is gossiped on.</summary>
    private void OnBeat(Instant now, SwimMember member, SwimIncarnation incarnation, long beat)
    {
        if (!member.Profile.NatBlocked || incarnation < member.Incarnation) return;
        if (incarnation < member.BeatIncarnation || (incarnation == member.BeatIncarnation && beat <= member.Beat)) return;
        if (incarnation > member.Incarnation) Revive(now, member, incarnation, gossip: false);
        member.BeatIncarnation = incarnation;
        member.Beat = beat;
        member.BeatHeardAt = now;
        _gossip.Enqueue(SwimUpdate.Heartbeat(member.Node, incarnation, beat));
    }

    /// <summary>
    /// Someone says this node is suspect or dead (or states a newer incarnation of it): refute by bumping
    /// the refutation counter above the claim's. Being accused is a sign of trouble on this side too, so
    /// local health worsens. A claim about an older incarnation (an earlier boot, or the unknown one others
    /// hold before they first hear from this node) is outranked already, but whoever believes it has not
    /// heard so: the current incarnation is announced again, without a bump.
    /// </summary>
    private void AboutSelf(Instant now, in SwimUpdate update)
    {
        var claim = update.Incarnation;
        if (update.Kind == SwimUpdateKind.Beat || claim.Boot > _incarnation.Boot || claim.Refutation >= SwimIncarnation.RefutationMax) return;
        if (update.Kind == SwimUpdateKind.Alive ? claim <= _incarnation : claim < _incarnation)
        {
            if (update.Kind != SwimUpdateKind.Alive) _gossip.Enqueue(SwimUpdate.Alive(_self.Node, _incarnation));
            return;
        }
        _incarnation = new SwimIncarnation(claim.Boot, claim.Refutation + 1);
        _gossip.Enqueue(SwimUpdate.Alive(_self.Node, _incarnation));
        _outbox.Notify(new SwimRefuted(update.Kind, _incarnation));
        AdjustHealth(now, 1);
    }

    /// <summary>This node's own failed probe, or a NAT member's silence: suspect the member, or confirm a suspicion with this node as an independent accuser.</summary>
    private void Accuse(Instant now, SwimMember member)
    {
        if (member.State == MemberState.Alive) Suspect(now, member, _self.Node);
        else if (member.State != MemberState.Suspect || !Confirm(member, _self.Node)) return;
        _gossip.Enqueue(SwimUpdate.Suspect(member.Node, member.Incarnation, _self.Node));
    }

    /// <summary>Starts (or restarts, for a newer incarnation) a suspicion at its longest timeout.</summary>
    private void Suspect(Instant now, SwimMember member, NodeId accuser)
    {
        if (member.State != MemberState.Suspect) ChangeState(member, MemberState.Suspect);
        member.Verifying = false;
        member.SuspectedAt = now;
        member.Confirmations = 0;
        member.Accusers.Clear();
        member.Accusers.Add(accuser);
        SetSuspicionDeadline(member);
    }

    /// <summary>Counts an accuser not heard before, up to the confirmations wanted; each shortens the suspicion (Lifeguard).</summary>
    private bool Confirm(SwimMember member, NodeId accuser)
    {
        if (member.Confirmations >= _suspicionTimeouts.Length - 1 || member.Accusers.Contains(accuser)) return false;
        member.Accusers.Add(accuser);
        member.Confirmations++;
        SetSuspicionDeadline(member);
        return true;
    }

    private void SetSuspicionDeadline(SwimMember member)
    {
        member.SuspicionDeadline = member.SuspectedAt + _health.Scale(_suspicionTimeouts[member.Confirmations]);
        _nextTimerDue = Instant.Min(_nextTimerDue, member.SuspicionDeadline);
    }

    /// <summary>Dead, one reported step at a time (an Alive member passes through Suspect), then Retired after the retire timeout.</summary>
    private void DeclareDead(Instant now, SwimMember member)
    {
        if (member.State == MemberState.Alive) ChangeState(member, MemberState.Suspect);
        ChangeState(member, MemberState.Dead);
        member.RetireAt = now + _config.RetireAfter;
        _nextTimerDue = Instant.Min(_nextTimerDue, member.RetireAt);
    }

    /// <summary>
    /// A newer incarnation of the member was heard: it is Alive, and its NAT silence starts over. Gossiped
    /// on when asked, unless this is merely the first word from a member nobody had suspected: at startup
    /// every node hears every other for the first time, and that is nobody's news.
    /// </summary>
    private void Revive(Instant now, SwimMember member, SwimIncarnation incarnation, bool gossip)
    {
        var news = member.Incarnation != SwimIncarnation.Unknown || member.State != MemberState.Alive;
        SetIncarnation(member, incarnation);
        if (member.State != MemberState.Alive) ChangeState(member, MemberState.Alive);
        member.BeatHeardAt = now;
        if (gossip && news) _gossip.Enqueue(SwimUpdate.Alive(member.Node, incarnation));
    }

    private void SetIncarnation(SwimMember member, SwimIncarnation incarnation)
    {
        var previous = member.Incarnation;
        if (incarnation <= previous) return;
        member.Incarnation = incarnation;
        if (incarnation.Boot == previous.Boot) return;
        // Snapshots show the boot count, so a new one must rebuild them like a state change does.
        Version++;
        if (previous.Boot > 0) _outbox.Notify(new PeerRestarted(member.Node, previous.Boot, incarnation.Boot));
    }
}
