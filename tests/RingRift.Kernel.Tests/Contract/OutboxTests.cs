using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Contract;

public sealed class OutboxTests
{
    private static readonly NodeId B = new("node-b");

    [Fact]
    public void SendWhenDurable_NothingRequested_SendsAtOnce()
    {
        var outbox = new Outbox(heldMessagesMax: 4);
        outbox.SendWhenDurable(Message(1));

        Assert.Equal(0, outbox.HeldCount);
        Assert.Equal([1L], Sequences(outbox.DrainAll()));
    }

    [Fact]
    public void SendWhenDurable_PersistPending_HoldsUntilThatVersionIsDurable()
    {
        var outbox = new Outbox(heldMessagesMax: 4);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));

        Assert.Equal(1, outbox.HeldCount);
        Assert.Empty(outbox.DrainAll().Messages);

        outbox.MarkDurable(1);
        Assert.Equal(0, outbox.HeldCount);
        Assert.Equal(1L, outbox.DurableVersion);
        Assert.Equal([1L], Sequences(outbox.DrainAll()));
    }

    [Fact]
    public void MarkDurable_OlderVersion_ReleasesOnlyWhatWaitedForIt()
    {
        var outbox = new Outbox(heldMessagesMax: 8);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));
        outbox.SendWhenDurable(Message(2));
        Persist(outbox, version: 2);
        outbox.SendWhenDurable(Message(3));

        outbox.MarkDurable(1);
        Assert.Equal([1L, 2L], Sequences(outbox.DrainAll()));
        Assert.Equal(1, outbox.HeldCount);

        outbox.MarkDurable(2);
        Assert.Equal([3L], Sequences(outbox.DrainAll()));
    }

    [Fact]
    public void MarkDurable_NewerVersion_ReleasesEverythingInOrder()
    {
        var outbox = new Outbox(heldMessagesMax: 8);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));
        Persist(outbox, version: 2);
        outbox.SendWhenDurable(Message(2));
        Persist(outbox, version: 5);
        outbox.SendWhenDurable(Message(3));

        outbox.MarkDurable(5);
        Assert.Equal([1L, 2L, 3L], Sequences(outbox.DrainAll()));
        Assert.Equal(0, outbox.HeldCount);
    }

    [Fact]
    public void MarkDurable_StaleVersion_IsIgnored()
    {
        var outbox = new Outbox(heldMessagesMax: 8);
        Persist(outbox, version: 1);
        Persist(outbox, version: 2);
        outbox.MarkDurable(2);
        Persist(outbox, version: 3);
        outbox.SendWhenDurable(Message(1));

        outbox.MarkDurable(1);
        Assert.Equal(2L, outbox.DurableVersion);
        Assert.Equal(1, outbox.HeldCount);
    }

    [Fact]
    public void Send_WhilePersistPending_IsNeverHeld()
    {
        var outbox = new Outbox(heldMessagesMax: 4);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));
        outbox.Send(Message(2));

        Assert.Equal(1, outbox.HeldCount);
        Assert.Equal([2L], Sequences(outbox.DrainAll()));
    }

    [Fact]
    public void SendWhenDurable_BeyondBound_ViolatesInvariant()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));
        outbox.SendWhenDurable(Message(2));

        Assert.Throws<InvariantViolationException>(() => outbox.SendWhenDurable(Message(3)));
    }

    [Fact]
    public void SendWhenDurable_AtBoundAfterRelease_HasRoomAgain()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        Persist(outbox, version: 1);
        outbox.SendWhenDurable(Message(1));
        outbox.SendWhenDurable(Message(2));
        outbox.MarkDurable(1);
        Persist(outbox, version: 2);
        outbox.SendWhenDurable(Message(3));
        outbox.SendWhenDurable(Message(4));

        Assert.Equal(2, outbox.HeldCount);
    }

    [Fact]
    public void Issue_PersistNotNewerThanRequested_ViolatesInvariant()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        Persist(outbox, version: 3);

        Assert.Throws<InvariantViolationException>(() => Persist(outbox, version: 3));
        Assert.Throws<InvariantViolationException>(() => Persist(outbox, version: 2));
    }

    [Fact]
    public void Issue_EffectWithIdNotYetAssigned_ViolatesInvariant()
    {
        var outbox = new Outbox(heldMessagesMax: 2);

        Assert.Throws<InvariantViolationException>(() => outbox.Issue(new Terminate(new EffectId(1), new JobId("j"))));
    }

    [Fact]
    public void NextEffectId_IsIncreasingFromOne()
    {
        var outbox = new Outbox(heldMessagesMax: 2);

        Assert.Equal(new EffectId(1), outbox.NextEffectId());
        Assert.Equal(new EffectId(2), outbox.NextEffectId());
        Assert.Equal(new EffectId(3), outbox.NextEffectId());
    }

    [Fact]
    public void Drain_CollectsEveryPartOnceThenStartsEmpty()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        outbox.Send(Message(1));
        var terminate = new Terminate(outbox.NextEffectId(), new JobId("j"));
        outbox.Issue(terminate);
        outbox.Answer(new Reply(new RequestId(7), true, "ok"));
        outbox.Notify(new PeerDiscovered(B));

        var first = outbox.DrainAll();
        Assert.True(first.HasWork);
        Assert.Single(first.Messages);
        Assert.Equal(terminate, Assert.Single(first.Effects));
        Assert.Equal(new Reply(new RequestId(7), true, "ok"), Assert.Single(first.Replies));
        Assert.Equal(new PeerDiscovered(B), Assert.Single(first.Notices));

        var second = outbox.DrainAll();
        Assert.False(second.HasWork);
        Assert.Empty(second.Messages);
        Assert.Empty(second.Effects);
    }

    [Fact]
    public void Drain_EmptyWithSameDeadlineAndStatus_ReusesTheLastReady()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        var status = outbox.DrainAll().Status;

        var first = outbox.Drain(new Instant(5), status);
        var second = outbox.Drain(new Instant(5), status);
        var later = outbox.Drain(new Instant(6), status);

        Assert.Same(first, second);
        Assert.NotSame(second, later);
        Assert.False(later.HasWork);
    }

    [Fact]
    public void Drain_AfterWork_IsNeverAReusedEmptyReady()
    {
        var outbox = new Outbox(heldMessagesMax: 2);
        var status = outbox.DrainAll().Status;
        var empty = outbox.Drain(new Instant(5), status);
        outbox.Send(Message(1));

        var busy = outbox.Drain(new Instant(5), status);
        var emptyAgain = outbox.Drain(new Instant(5), status);

        Assert.NotSame(empty, busy);
        Assert.Single(busy.Messages);
        Assert.NotSame(busy, emptyAgain);
        Assert.Empty(emptyAgain.Messages);
    }

    private static void Persist(Outbox outbox, long version) =>
        outbox.Issue(new Persist(outbox.NextEffectId(), new PersistentState(version, BootCount: 1)));

    private static Outbound Message(long sequence) =>
        new(B, new HeartbeatAck(1, sequence, Profiles.Gpu("node-a"), NodeLoad.Idle));

    private static long[] Sequences(Ready ready) =>
        ready.Messages.Select(m => ((HeartbeatAck)m.Message).Sequence).ToArray();
}
