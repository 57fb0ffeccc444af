using System.Linq;
using RingRift.Kernel.Election;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.ElectionRig;

namespace RingRift.Kernel.Tests.Election;

/// <summary>
/// Pre-vote and check-quorum: a node only bumps its persisted epoch after a majority of voters said
/// they would grant, and voters say no while they hold a running grant or hear a live leader.
/// </summary>
public sealed class PreVoteTests
{
    private static readonly Instant T0 = Instant.Zero + Duration.FromSeconds(100);

    [Fact]
    public void Campaign_AfterGraceAndJitter_AsksEveryVoterForAPreVoteWithoutPersistingAnEpoch()
    {
        var rig = new ElectionRig(A);
        rig.Machine.Tick(rig.Machine.NextDeadline, AllAlive(B, C, D));
        var at = rig.Machine.NextDeadline;
        rig.Machine.Tick(at, AllAlive(B, C, D));

        var sent = rig.Sent();
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.True(rig.Machine.IsPreVoting);
        Assert.Equal(0, rig.Saves);
        Assert.Equal(0, rig.Current.Election.MaxEpoch);
        Assert.Equal([A, B, C], sent.Select(o => o.To));
        Assert.All(sent, o => Assert.Equal(new PreVoteRequest(1, at), o.Message));
        Assert.Equal(at + rig.Config.CandidateTimeout, rig.Machine.NextDeadline);
    }

    [Fact]
    public void PreVotes_FromAMajority_PersistTheEpochAboveEveryVoterMaxThenAskForLeases()
    {
        var rig = CandidateTests.PreVoting(A);
        var at = SentAt(rig);

        rig.Machine.OnPreVoteReply(at, B, new PreVoteReply(1, true, at, 4, Duration.Zero));
        Assert.True(rig.Machine.IsPreVoting);
        Assert.Equal(0, rig.Saves);
        rig.Machine.OnPreVoteReply(at, C, new PreVoteReply(1, true, at, 2, Duration.Zero));

        Assert.Equal(NodeRole.Candidate, rig.Machine.Role);
        Assert.False(rig.Machine.IsPreVoting);
        Assert.Equal(5, rig.Machine.Epoch);
        Assert.Equal(5, rig.Current.Election.MaxEpoch);
        rig.MakeDurable();
        Assert.All(rig.Sent(), o => Assert.Equal(new LeaseRequest(5, rig.Config.Lease, at), o.Message));
    }

    [Fact]
    public void PreVotes_RefusedByAMajority_EndTheRoundWithoutEverPersistingAnEpoch()
    {
        var rig = CandidateTests.PreVoting(D);
        var at = SentAt(rig);

        rig.Machine.OnPreVoteReply(at, A, new PreVoteReply(1, false, at, 3, Duration.FromSeconds(9)));
        rig.Machine.OnPreVoteReply(at, B, new PreVoteReply(1, false, at, 3, Duration.FromSeconds(15)));
        rig.Machine.OnPreVoteReply(at, C, new PreVoteReply(1, true, at, 3, Duration.Zero));

        Assert.False(rig.Machine.IsPreVoting);
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Equal(0, rig.Saves);
        Assert.Empty(rig.Sent());
        // The next round waits until the longest refusal has run out.
        rig.Machine.Tick(at, AllAlive(A, B, C));
        Assert.True(rig.Machine.NextDeadline >= at + Duration.FromSeconds(15));
    }

    [Fact]
    public void PreVote_UnansweredUntilTheCandidateTimeout_EndsAndNeverPersists()
    {
        var rig = CandidateTests.PreVoting(D);
        var deadline = rig.Machine.NextDeadline;

        rig.Machine.Tick(deadline, AllAlive(A, B, C));

        Assert.False(rig.Machine.IsPreVoting);
        Assert.Equal(0, rig.Saves);
        Assert.True(rig.Machine.NextDeadline > deadline);
    }

    [Fact]
    public void PreVote_ReplyToAnOlderRound_IsIgnored()
    {
        var rig = CandidateTests.PreVoting(A);
        var at = SentAt(rig);
        var older = at - Duration.FromSeconds(1);

        rig.Machine.OnPreVoteReply(at, B, new PreVoteReply(1, true, older, 0, Duration.Zero));
        rig.Machine.OnPreVoteReply(at, C, new PreVoteReply(1, true, older, 0, Duration.Zero));

        Assert.True(rig.Machine.IsPreVoting);
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
    }

    [Fact]
    public void PreVote_LeaderAnnouncedMeanwhile_EndsTheRoundAndFollowsIt()
    {
        var rig = CandidateTests.PreVoting(D);
        var at = SentAt(rig);

        rig.Machine.OnLeaderAnnounce(at, B, new LeaderAnnounce(3));
        rig.Machine.OnPreVoteReply(at, A, new PreVoteReply(1, true, at, 3, Duration.Zero));
        rig.Machine.OnPreVoteReply(at, C, new PreVoteReply(1, true, at, 3, Duration.Zero));

        Assert.False(rig.Machine.IsPreVoting);
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Equal(B, rig.Machine.LeaderId);
        Assert.Equal(0, rig.Saves);
    }

    [Fact]
    public void StaleHighEpoch_RejoiningWhileTheLeaderHoldsItsQuorum_NeverRaisesItsPersistedEpoch()
    {
        var restored = PersistentState.Empty with { Election = new ElectionDurable(50, 0, null) };
        var rig = new ElectionRig(D, restored);
        rig.Machine.Tick(rig.Machine.NextDeadline, AllAlive(A, B, C));
        var at = rig.Machine.NextDeadline;
        rig.Machine.Tick(at, AllAlive(A, B, C));
        Assert.Equal([new PreVoteRequest(51, at)], rig.Sent().Select(o => o.Message).Distinct());

        // Every voter still holds its grant to the leader, and says so.
        foreach (var voter in new[] { A, B, C })
            rig.Machine.OnPreVoteReply(at, voter, new PreVoteReply(51, false, at, 1, Duration.FromSeconds(12)));

        Assert.Equal(50, rig.Current.Election.MaxEpoch);
        Assert.Equal(0, rig.Saves);
        Assert.DoesNotContain(rig.Sent(), o => o.Message is LeaseRequest);
    }

    [Fact]
    public void Voter_WithARunningGrantToAnother_RefusesThePreVoteWithTheTimeLeft()
    {
        var voter = Granted(A, to: B);
        var later = T0 + Duration.FromSeconds(5);

        voter.Machine.OnPreVoteRequest(later, C, new PreVoteRequest(2, later));

        var sent = Assert.Single(voter.Sent());
        Assert.True(sent.IsResponse);
        Assert.Equal(new PreVoteReply(2, false, later, 1, Duration.FromSeconds(17)), sent.Message);
        Assert.Equal(new ElectionDurable(1, 1, B), voter.Current.Election);
    }

    [Fact]
    public void Voter_AskedByItsOwnGrantee_GrantsThePreVote()
    {
        var voter = Granted(A, to: B);
        var later = T0 + Duration.FromSeconds(5);

        voter.Machine.OnPreVoteRequest(later, B, new PreVoteRequest(2, later));

        Assert.Equal(new PreVoteReply(2, true, later, 1, Duration.Zero), Assert.Single(voter.Sent()).Message);
    }

    [Fact]
    public void Voter_Free_GrantsThePreVoteAtOnceAndPersistsNothing()
    {
        var voter = new ElectionRig(A);

        voter.Machine.OnPreVoteRequest(T0, C, new PreVoteRequest(1, T0));

        Assert.Equal(new PreVoteReply(1, true, T0, 0, Duration.Zero), Assert.Single(voter.Sent()).Message);
        Assert.Equal(0, voter.Saves);
    }

    [Fact]
    public void Voter_HearingALiveLeader_RefusesPreVotesUntilTheLeaderTimeout()
    {
        var voter = new ElectionRig(A);
        voter.Machine.OnLeaderAnnounce(T0, B, new LeaderAnnounce(3));
        var timeout = voter.Config.LeaderTimeout;

        voter.Machine.OnPreVoteRequest(T0 + Duration.FromSeconds(2), C, new PreVoteRequest(4, T0));
        voter.Machine.Tick(T0 + timeout, AllAlive(B, C, D));
        voter.Machine.OnPreVoteRequest(T0 + timeout, C, new PreVoteRequest(4, T0));

        var replies = voter.Sent().Select(o => (PreVoteReply)o.Message).ToList();
        Assert.Equal([new PreVoteReply(4, false, T0, 3, timeout - Duration.FromSeconds(2)), new PreVoteReply(4, true, T0, 3, Duration.Zero)], replies);
    }

    [Fact]
    public void Voter_HearingAnotherLiveLeader_RefusesANewLeaseEvenWithNoGrantRunning()
    {
        var voter = Granted(A, to: B);
        var expired = T0 + voter.Config.VoterHonours;
        voter.Machine.OnLeaderAnnounce(expired, B, new LeaderAnnounce(1));

        voter.Machine.OnLeaseRequest(expired + Duration.FromSeconds(1), C, new LeaseRequest(9, voter.Config.Lease, expired));
        voter.MakeDurable();

        var reply = (LeaseReply)Assert.Single(voter.Sent()).Message;
        Assert.False(reply.Granted);
        Assert.Equal(voter.Config.LeaderTimeout - Duration.FromSeconds(1), reply.BusyFor);
        Assert.Equal(new ElectionDurable(1, 1, B), voter.Current.Election);
    }

    [Fact]
    public void Voter_LeaderItHearsAsksForANewEpoch_IsGranted()
    {
        var voter = Granted(A, to: B);
        var expired = T0 + voter.Config.VoterHonours;
        voter.Machine.OnLeaderAnnounce(expired, B, new LeaderAnnounce(1));

        voter.Machine.OnLeaseRequest(expired, B, new LeaseRequest(2, voter.Config.Lease, expired));
        voter.MakeDurable();

        Assert.True(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
        Assert.Equal(new ElectionDurable(2, 2, B), voter.Current.Election);
    }

    private static Instant SentAt(ElectionRig rig) => rig.Machine.NextDeadline - rig.Config.CandidateTimeout;

    private static ElectionRig Granted(NodeId self, NodeId to)
    {
        var voter = new ElectionRig(self);
        voter.Machine.OnLeaseRequest(T0, to, new LeaseRequest(1, voter.Config.Lease, T0));
        voter.MakeDurable();
        voter.Sent();
        return voter;
    }
}
