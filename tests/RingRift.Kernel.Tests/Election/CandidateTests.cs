using System.Linq;
using RingRift.Kernel.Election;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.ElectionRig;

namespace RingRift.Kernel.Tests.Election;

public sealed class CandidateTests
{
    private static readonly Instant Start = Instant.Zero;

    [Fact]
    public void Campaign_AfterGraceAndJitter_PersistsTheEpochBeforeAskingEveryVoter()
    {
        var (rig, at) = Campaigning(A);

        Assert.Equal(NodeRole.Candidate, rig.Machine.Role);
        Assert.Equal(1, rig.Current.Election.MaxEpoch);
        Assert.Empty(rig.Sent());
        rig.MakeDurable();
        var sent = rig.Sent();
        Assert.Equal([A, B, C], sent.Select(o => o.To));
        Assert.All(sent, o => Assert.Equal(new LeaseRequest(1, rig.Config.Lease, at), o.Message));
    }

    [Fact]
    public void Grants_FromAMajority_MakeItLeaderUntilTheQuorumThGrantLapses()
    {
        var (rig, at) = Campaigning(A);
        rig.MakeDurable();
        rig.Sent();

        rig.Machine.OnLeaseReply(at + Duration.FromMillis(10), A, new LeaseReply(1, true, at, 1, Duration.Zero));
        Assert.Equal(NodeRole.Candidate, rig.Machine.Role);
        rig.Machine.OnLeaseReply(at + Duration.FromMillis(20), B, new LeaseReply(1, true, at, 1, Duration.Zero));

        Assert.Equal(NodeRole.Leader, rig.Machine.Role);
        Assert.Equal(at + LeaseMath.LeaderSide(rig.Config.Lease, DriftPpm), rig.Machine.ValidUntil);
        Assert.True(rig.Machine.IsLeader(rig.Machine.ValidUntil - Duration.FromMicros(1)));
        Assert.False(rig.Machine.IsLeader(rig.Machine.ValidUntil));
        Assert.Equal([B, C, D], rig.Sent().Where(o => o.Message is LeaderAnnounce).Select(o => o.To));
    }

    [Fact]
    public void Refusals_FromAMajority_GiveUpAndReleaseTheGrants()
    {
        var (rig, at) = Campaigning(A);
        rig.MakeDurable();
        rig.Sent();

        rig.Machine.OnLeaseReply(at, B, new LeaseReply(1, false, at, 1, Duration.FromSeconds(3)));
        rig.Machine.OnLeaseReply(at, C, new LeaseReply(1, false, at, 1, Duration.FromSeconds(7)));

        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Equal([A, B, C], rig.Sent().Where(o => o.Message is LeaseRelease).Select(o => o.To));
    }

    [Fact]
    public void VoterCandidate_AskedByABetterCandidate_YieldsAndGrantsIt()
    {
        var (rig, at) = Campaigning(B);
        rig.MakeDurable();
        rig.Machine.OnLeaseRequest(at, B, new LeaseRequest(1, rig.Config.Lease, at));
        rig.MakeDurable();
        rig.Sent();

        rig.Machine.OnLeaseRequest(at + Duration.FromMillis(5), A, new LeaseRequest(2, rig.Config.Lease, at));
        rig.MakeDurable();

        var sent = rig.Sent();
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Contains(sent, o => o.Message is LeaseRelease { Epoch: 1 });
        Assert.Contains(sent, o => o.To == A && o.Message is LeaseReply { Granted: true, Epoch: 2 });
    }

    [Fact]
    public void Leader_WithoutRenewedGrants_StepsDownWhenTheLeaseLapses()
    {
        var (rig, at) = Leading(A);

        rig.Machine.Tick(rig.Machine.ValidUntil, AllAlive(B, C, D));

        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Contains(new LeaderSteppedDown(1, "lease expired"), rig.Notices());
    }

    [Fact]
    public void Leader_HearingANewerEpoch_StepsDownAndFollowsIt()
    {
        var (rig, _) = Leading(A);

        rig.Machine.OnLeaderAnnounce(rig.Machine.ValidUntil - Duration.FromSeconds(1), B, new LeaderAnnounce(5));

        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        Assert.Equal(B, rig.Machine.LeaderId);
        Assert.Equal(5, rig.Machine.LeaderEpoch);
    }

    [Fact]
    public void Follower_StaleAnnouncement_IsIgnored()
    {
        var rig = new ElectionRig(D);
        rig.Machine.OnLeaderAnnounce(Start, B, new LeaderAnnounce(3));

        rig.Machine.OnLeaderAnnounce(Start + Duration.FromSeconds(1), C, new LeaderAnnounce(2));

        Assert.Equal(B, rig.Machine.LeaderId);
        Assert.False(rig.Machine.AcceptsEpoch(2));
        Assert.True(rig.Machine.AcceptsEpoch(3));
    }

    [Fact]
    public void Restart_FromAPersistedEpoch_NeverProposesItAgainAndStartsAsFollower()
    {
        var restored = PersistentState.Empty with { Election = new ElectionDurable(7, 0, null) };
        var (rig, _) = Campaigning(A, restored);

        Assert.Equal(8, rig.Machine.Epoch);
    }

    /// <summary>Past the grace and jitter, through a pre-vote granted by A and B, into the candidacy.</summary>
    private static (ElectionRig Rig, Instant At) Campaigning(NodeId self, PersistentState? restored = null)
    {
        var rig = PreVoting(self, restored);
        var at = rig.Machine.NextDeadline - rig.Config.CandidateTimeout;
        var next = rig.Machine.Epoch + 1;
        foreach (var voter in new[] { A, B })
            rig.Machine.OnPreVoteReply(at, voter, new PreVoteReply(next, true, at, 0, Duration.Zero));
        return (rig, at);
    }

    internal static ElectionRig PreVoting(NodeId self, PersistentState? restored = null)
    {
        var rig = new ElectionRig(self, restored, Start);
        Assert.Equal(NodeRole.Follower, rig.Machine.Role);
        var at = rig.Machine.NextDeadline;
        rig.Machine.Tick(at, AllAlive(B, C, D));
        at = rig.Machine.NextDeadline;
        rig.Machine.Tick(at, AllAlive(B, C, D));
        Assert.True(rig.Machine.IsPreVoting);
        Assert.All(rig.Sent(), o => Assert.IsType<PreVoteRequest>(o.Message));
        return rig;
    }

    private static (ElectionRig Rig, Instant At) Leading(NodeId self)
    {
        var (rig, at) = Campaigning(self);
        rig.MakeDurable();
        rig.Machine.OnLeaseReply(at, A, new LeaseReply(1, true, at, 1, Duration.Zero));
        rig.Machine.OnLeaseReply(at, B, new LeaseReply(1, true, at, 1, Duration.Zero));
        Assert.Equal(NodeRole.Leader, rig.Machine.Role);
        rig.Sent();
        return (rig, at);
    }
}
