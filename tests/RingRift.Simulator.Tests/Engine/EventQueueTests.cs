using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class EventQueueTests
{
    [Fact]
    public void Pop_EventsAtDifferentTimes_ComeOutEarliestFirst()
    {
        var queue = new EventQueue(16);
        queue.Schedule(30, EventKind.Wake, node: 3);
        queue.Schedule(10, EventKind.Wake, node: 1);
        queue.Schedule(20, EventKind.Wake, node: 2);

        Assert.Equal([(10L, 1), (20L, 2), (30L, 3)], Queues.Drain(queue).Select(e => (e.Time, e.Node)));
    }

    [Fact]
    public void Pop_EventsAtEqualTimes_ComeOutInSchedulingOrder()
    {
        var queue = new EventQueue(16);
        for (var node = 0; node < 8; node++) queue.Schedule(5, EventKind.Deliver, node);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], Queues.Drain(queue).Select(e => e.Node));
    }

    [Fact]
    public void Schedule_AssignsIncreasingSequenceNumbersFromZero()
    {
        var queue = new EventQueue(16);
        queue.Schedule(9, EventKind.Wake, 0);
        queue.Schedule(1, EventKind.Wake, 0);
        queue.Schedule(5, EventKind.Wake, 0);

        Assert.Equal([(1L, 1L), (5L, 2L), (9L, 0L)], Queues.Drain(queue).Select(e => (e.Time, e.Sequence)));
    }

    [Fact]
    public void Schedule_KeepsEveryField()
    {
        var queue = new EventQueue(4);
        var payload = new object();
        queue.Schedule(7, EventKind.EffectDone, node: 2, peer: 5, token: 11, payload: payload);

        var popped = queue.Pop();

        Assert.Equal(new SimEvent(7, 0, EventKind.EffectDone, 2, 5, 11, payload), popped);
    }

    [Fact]
    public void TryPeekTime_EmptyQueue_ReturnsFalseAndMaxValue()
    {
        var queue = new EventQueue(4);

        Assert.False(queue.TryPeekTime(out var time));
        Assert.Equal(long.MaxValue, time);
    }

    [Fact]
    public void TryPeekTime_NonEmpty_ReturnsEarliestWithoutRemovingIt()
    {
        var queue = new EventQueue(4);
        queue.Schedule(40, EventKind.Wake, 0);
        queue.Schedule(15, EventKind.Wake, 0);

        Assert.True(queue.TryPeekTime(out var time));
        Assert.Equal(15, time);
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void Pop_EmptyQueue_ThrowsInvariantViolation()
    {
        var queue = new EventQueue(4);

        Assert.Throws<InvariantViolationException>(() => queue.Pop());
    }

    [Fact]
    public void Schedule_AtCapacity_ThrowsInvariantViolation()
    {
        var queue = new EventQueue(3);
        for (var i = 0; i < 3; i++) queue.Schedule(i, EventKind.Wake, 0);

        var thrown = Assert.Throws<InvariantViolationException>(() => queue.Schedule(3, EventKind.Wake, 0));
        Assert.Contains("capacityMax", thrown.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, queue.Count);
    }

    [Fact]
    public void Schedule_AfterPopFromFullQueue_IsAcceptedAgain()
    {
        var queue = new EventQueue(2);
        queue.Schedule(1, EventKind.Wake, 0);
        queue.Schedule(2, EventKind.Wake, 0);
        queue.Pop();

        queue.Schedule(3, EventKind.Wake, 0);

        Assert.Equal([2L, 3L], Queues.Drain(queue).Select(e => e.Time));
    }

    [Fact]
    public void Schedule_BeyondInitialArray_GrowsAndKeepsOrder()
    {
        const int count = 5000;
        var queue = new EventQueue(count);
        for (var i = count - 1; i >= 0; i--) queue.Schedule(i / 2, EventKind.Wake, node: i);

        var popped = Queues.Drain(queue);

        Assert.Equal(count, popped.Count);
        for (var i = 0; i < count; i++) Assert.Equal(i / 2, popped[i].Time);
        Assert.Equal(1, popped[0].Node);
        Assert.Equal(0, popped[1].Node);
    }

    /// <summary>Scheduling everything and popping everything is a stable sort by time.</summary>
    [Property]
    public Property Pop_OrderIsTimeThenSchedulingOrder() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 50))), times =>
        {
            var queue = new EventQueue(times.Count + 1);
            for (var i = 0; i < times.Count; i++) queue.Schedule(times[i], EventKind.Wake, node: i);

            var expected = Enumerable.Range(0, times.Count).OrderBy(i => times[i]).Select(i => ((long)times[i], i));
            return expected.SequenceEqual(Queues.Drain(queue).Select(e => (e.Time, e.Node)));
        });

    /// <summary>With pops interleaved among schedules, each pop takes the least (time, sequence) still queued.</summary>
    [Property]
    public Property Pop_InterleavedWithSchedule_TakesLeastQueued() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(-1, 30))), operations =>
        {
            var queue = new EventQueue(operations.Count + 1);
            var model = new SortedSet<(long Time, long Sequence)>();
            long sequence = 0;
            foreach (var operation in operations)
            {
                if (operation < 0)
                {
                    if (model.Count == 0) continue;
                    var least = model.Min;
                    model.Remove(least);
                    var popped = queue.Pop();
                    if ((popped.Time, popped.Sequence) != least) return false;
                }
                else
                {
                    queue.Schedule(operation, EventKind.Wake, 0);
                    model.Add((operation, sequence++));
                }
            }
            return queue.Count == model.Count;
        });
}
