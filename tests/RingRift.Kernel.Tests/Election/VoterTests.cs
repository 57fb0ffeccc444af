using System.Linq;
using RingRift.Kernel.Election;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.ElectionRig;

namespace RingRift.Kernel.Tests.Election;

public sealed class VoterTests
{
    private static readonly Instant T0 = Instant.Zero + Duration.FromSeconds(100);

    [Fact]
    public void Request_FirstGrant_IsPersistedBeforeTheReplyLeaves()
    {
        var voter = new ElectionRig(A);

        voter.Machine.OnLeaseRequest(T0, B, new LeaseRequest(1, voter.Config.Lease, T0));

        Assert.Empty(voter.Sent());
        Assert.Equal(new ElectionDurable(1, 1, B), voter.Current.Election);
        voter.MakeDurable();
        var reply = (LeaseReply)Assert.Single(voter.Sent()).Message;
        Assert.True(reply.Granted);
        Assert.Equal(T0, reply.RequestSentAt);
    }

    [Fact]
    public void Request_OtherCandidateWhileGrantRuns_IsRefusedWithTheTimeLeft()
    {
        var voter = GrantedToB();
        var later = T0 + Duration.FromSeconds(5);

        voter.Machine.OnLeaseRequest(later, C, new LeaseRequest(2, voter.Config.Lease, later));

        var reply = (LeaseReply)Assert.Single(voter.Sent()).Message;
        Assert.False(reply.Granted);
        Assert.Equal(Duration.FromSeconds(17), reply.BusyFor);
        Assert.Equal(B, voter.Current.Election.Grantee);
    }

    [Fact]
    public void Request_OtherCandidateAfterTheGrantExpired_IsGranted()
    {
        var voter = GrantedToB();
        var later = T0 + voter.Config.VoterHonours;

        voter.Machine.OnLeaseRequest(later, C, new LeaseRequest(2, voter.Config.Lease, later));
        voter.MakeDurable();

        Assert.True(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
        Assert.Equal(new ElectionDurable(2, 2, C), voter.Current.Election);
    }

    [Fact]
    public void Request_RenewalBySameGranteeAndEpoch_IsGrantedWithoutANewSave()
    {
        var voter = GrantedToB();
        var saves = voter.Saves;
        var later = T0 + Duration.FromSeconds(4);

        voter.Machine.OnLeaseRequest(later, B, new LeaseRequest(1, voter.Config.Lease, later));

        Assert.True(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
        Assert.Equal(saves, voter.Saves);
    }

    [Fact]
    public void Request_StaleEpochAfterExpiry_IsRefused()
    {
        var voter = GrantedToB();
        var later = T0 + voter.Config.VoterHonours;

        voter.Machine.OnLeaseRequest(later, C, new LeaseRequest(1, voter.Config.Lease, later));

        Assert.False(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
    }

    [Fact]
    public void Grant_ByDefault_IsHonouredForTheLeasePlusTwoSecondsOfClockStep()
    {
        var voter = GrantedToB();

        Assert.Equal(Duration.FromSeconds(22), voter.Config.VoterHonours);
        voter.Machine.OnLeaseRequest(T0 + Duration.FromSeconds(22) - Duration.FromMicros(1), C, new LeaseRequest(2, voter.Config.Lease, T0));
        voter.Machine.OnLeaseRequest(T0 + Duration.FromSeconds(22), C, new LeaseRequest(2, voter.Config.Lease, T0));
        voter.MakeDurable();

        Assert.Equal([false, true], voter.Sent().Select(o => ((LeaseReply)o.Message).Granted));
    }

    [Fact]
    public void Request_LeaseLongerThanConfigured_IsRefused()
    {
        var voter = new ElectionRig(A);

        voter.Machine.OnLeaseRequest(T0, B, new LeaseRequest(1, voter.Config.Lease * 2, T0));

        Assert.False(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
    }

    [Fact]
    public void Release_ByTheGrantee_FreesTheVoterAtOnce()
    {
        var voter = GrantedToB();
        var later = T0 + Duration.FromSeconds(1);

        voter.Machine.OnLeaseRelease(later, B, new LeaseRelease(1));
        voter.Machine.OnLeaseRequest(later, C, new LeaseRequest(2, voter.Config.Lease, later));
        voter.MakeDurable();

        Assert.True(((LeaseReply)Assert.Single(voter.Sent()).Message).Granted);
    }

    [Fact]
    public void Restart_WithAPersistedGrant_RefusesOthersForAWholeLeaseAndTheClockStepBound()
    {
        var before = GrantedToB();
        var boot = Instant.Zero;
        var voter = new ElectionRig(A, before.Current, boot);

        voter.Machine.OnLeaseRequest(boot + Duration.FromSeconds(21), C, new LeaseRequest(5, voter.Config.Lease, boot));
        voter.Machine.OnLeaseRequest(boot + Duration.FromSeconds(22), C, new LeaseRequest(5, voter.Config.Lease, boot));
        voter.MakeDurable();

        var replies = voter.Sent().Select(o => ((LeaseReply)o.Message).Granted).ToList();
        Assert.Equal([false, true], replies);
    }

    private static ElectionRig GrantedToB()
    {
        var voter = new ElectionRig(A);
        voter.Machine.OnLeaseRequest(T0, B, new LeaseRequest(1, voter.Config.Lease, T0));
        voter.MakeDurable();
        voter.Sent();
        return voter;
    }
}
