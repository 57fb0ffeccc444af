using System.Collections.Generic;
using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Network;
using RingRift.Simulator.Scenarios;
using RingRift.Simulator.Tests.Support;
using Xunit;

namespace RingRift.Simulator.Tests.Network;

public sealed class SimNetworkTests
{
    private const int Lambda1 = 0, Lambda2 = 1, Aws = 2, Nat = 3;
    private static readonly long Second = Duration.MicrosPerSecond;

    [Fact]
    public void Send_HealthyLink_SchedulesOneDeliveryToTheReceiver()
    {
        var (queue, network) = Create(NetworkSpec.Default);
        var message = new TestMessage(1);

        network.Send(10 * Second, Lambda1, Lambda2, message, isResponse: false);

        var delivery = Assert.Single(Queues.Drain(queue));
        Assert.Equal(EventKind.Deliver, delivery.Kind);
        Assert.Equal((Lambda2, Lambda1, 0L), (delivery.Node, delivery.Peer, delivery.Token));
        Assert.Same(message, delivery.Payload);
        Assert.InRange(delivery.Time - 10 * Second, 10_000, 120_000);
        Assert.Equal(1, network.Counters.Sent);
        Assert.Equal(0, network.Counters.Dropped);
    }

    [Fact]
    public void Send_BlockedLink_DropsAndCountsIt()
    {
        var (queue, network) = Create(NetworkSpec.Default);
        network.Links.Block(Lambda1, Lambda2);

        network.Send(0, Lambda1, Lambda2, new TestMessage(1), isResponse: false);
        network.Send(0, Lambda1, Lambda2, new TestMessage(2), isResponse: true);

        Assert.Empty(Queues.Drain(queue));
        Assert.Equal(2, network.Counters.DroppedBlocked);
        Assert.Equal(2, network.Counters.Dropped);
        Assert.Equal(2, network.Counters.Sent);
    }

    [Fact]
    public void Send_ReverseOfBlockedLink_IsDelivered()
    {
        var (queue, network) = Create(NetworkSpec.Default);
        network.Links.Block(Lambda1, Lambda2);

        network.Send(0, Lambda2, Lambda1, new TestMessage(1), isResponse: false);

        Assert.Single(Queues.Drain(queue));
        Assert.Equal(0, network.Counters.DroppedBlocked);
    }

    [Fact]
    public void Send_UnsolicitedToNatBlockedNode_IsDropped()
    {
        var (queue, network) = Create(NetworkSpec.Default);

        network.Send(0, Lambda1, Nat, new TestMessage(1), isResponse: false);

        Assert.Empty(Queues.Drain(queue));
        Assert.Equal(1, network.Counters.DroppedNat);
    }

    [Fact]
    public void Send_ResponseToNatBlockedNode_IsDeliveredThroughTheRelayMarkedAsResponse()
    {
        var (queue, network) = Create(NetworkSpec.Default);

        network.Send(0, Lambda1, Nat, new TestMessage(1), isResponse: true);

        var delivery = Assert.Single(Queues.Drain(queue));
        Assert.Equal(1L, delivery.Token);
        Assert.InRange(delivery.Time, 1_000_000, 5_000_000);
        Assert.Equal(0, network.Counters.DroppedNat);
    }

    [Fact]
    public void Send_FromNatBlockedNode_GoesThroughTheRelay()
    {
        var (queue, network) = Create(NetworkSpec.Default);

        network.Send(0, Nat, Lambda1, new TestMessage(1), isResponse: false);

        Assert.InRange(Assert.Single(Queues.Drain(queue)).Time, 1_000_000, 5_000_000);
    }

    [Fact]
    public void Send_LossCertain_DropsEveryMessage()
    {
        var (queue, network) = Create(NetworkSpec.Default with { Loss = Ratio.One });

        for (var i = 0; i < 1_000; i++) network.Send(i, Lambda1, Aws, new TestMessage(i), isResponse: false);

        Assert.Empty(Queues.Drain(queue));
        Assert.Equal(1_000, network.Counters.DroppedLoss);
        Assert.Equal(1_000, network.Counters.Dropped);
    }

    [Fact]
    public void Send_DuplicateCertain_DeliversEveryMessageTwice()
    {
        var (queue, network) = Create(NetworkSpec.Default with { Duplicate = Ratio.One });

        for (var i = 0; i < 100; i++) network.Send(i, Lambda1, Aws, new TestMessage(i), isResponse: false);

        var copies = new int[100];
        foreach (var delivery in Queues.Drain(queue)) copies[((TestMessage)delivery.Payload!).Number]++;
        Assert.All(copies, count => Assert.Equal(2, count));
        Assert.Equal(100, network.Counters.Duplicated);
    }

    [Fact]
    public void Send_ReorderCertain_AddsUpToTheReorderDelay()
    {
        var spec = NetworkSpec.Default with { Reorder = Ratio.One, ReorderDelayMax = Duration.FromSeconds(30) };
        var (queue, network) = Create(spec);

        for (var i = 0; i < 1_000; i++) network.Send(0, Lambda1, Lambda2, new TestMessage(i), isResponse: false);

        var latest = 0L;
        foreach (var delivery in Queues.Drain(queue))
        {
            Assert.InRange(delivery.Time, 10_000, 120_000 + 30 * Second);
            latest = System.Math.Max(latest, delivery.Time);
        }
        Assert.True(latest > 120_000, "some message was held back beyond the link's own latency");
        Assert.Equal(1_000, network.Counters.Reordered);
    }

    [Fact]
    public void Send_WithReplay_DeliversACopyOfAnEarlierMessageLater()
    {
        var (queue, network) = Create(NetworkSpec.Default);
        var old = new TestMessage(1);
        network.Send(0, Lambda1, Aws, old, isResponse: false);
        var original = Assert.Single(Queues.Drain(queue));
        network.Spec = network.Spec with { Replay = Ratio.One, ReplayDelayMax = Duration.FromSeconds(60) };

        var replays = new List<SimEvent>();
        for (var i = 2; i <= 40; i++)
        {
            network.Send(100 * Second, Lambda2, Lambda1, new TestMessage(i), isResponse: false);
            foreach (var delivery in Queues.Drain(queue))
                if (ReferenceEquals(delivery.Payload, old)) replays.Add(delivery);
        }

        Assert.NotEmpty(replays);
        Assert.All(replays, replay =>
        {
            Assert.Equal((Aws, Lambda1, 0L), (replay.Node, replay.Peer, replay.Token));
            Assert.InRange(replay.Time, 100 * Second, 160 * Second);
            Assert.True(replay.Time > original.Time);
        });
        Assert.Equal(39, network.Counters.Replayed);
    }

    [Fact]
    public void Send_WithReplay_NeverReplaysAcrossALinkCutSinceTheOriginal()
    {
        var (queue, network) = Create(NetworkSpec.Default);
        var old = new TestMessage(1);
        network.Send(0, Lambda1, Aws, old, isResponse: false);
        Queues.Drain(queue);
        network.Links.Block(Lambda1, Aws);
        network.Spec = network.Spec with { Replay = Ratio.One, ReplayDelayMax = Duration.FromSeconds(60) };

        var replaysOfOld = 0;
        for (var i = 2; i <= 40; i++)
        {
            network.Send(100 * Second, Lambda2, Lambda1, new TestMessage(i), isResponse: false);
            foreach (var delivery in Queues.Drain(queue))
                if (ReferenceEquals(delivery.Payload, old)) replaysOfOld++;
        }

        Assert.Equal(0, replaysOfOld);
        Assert.InRange(network.Counters.Replayed, 1, 38);
    }

    [Fact]
    public void LatencyMax_IsTheLongestTailOfAnyLinkClass()
    {
        var (_, network) = Create(NetworkSpec.Default);

        Assert.Equal(Duration.FromMillis(5000), network.LatencyMax);
    }

    /// <summary>Whatever the seed, each delivery comes within [min, 2·p99] of its link class.</summary>
    [Property]
    public Property Send_LatencyStaysWithinMinAndTwiceP99OfTheLinkClass() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var spec = NetworkSpec.Default;
            var (queue, network) = Create(spec, (ulong)seed);
            foreach (var (from, to, latency) in new[]
                     {
                         (Lambda1, Lambda2, spec.SameProvider), (Lambda1, Aws, spec.CrossProvider), (Nat, Aws, spec.NatRelay),
                     })
            {
                for (var i = 0; i < 200; i++) network.Send(1_000, from, to, new TestMessage(i), isResponse: false);
                foreach (var delivery in Queues.Drain(queue))
                {
                    var took = delivery.Time - 1_000;
                    if (took < latency.Min.Micros || took > latency.P99.Micros * 2) return false;
                }
            }
            return true;
        });

    private static (EventQueue Queue, SimNetwork Network) Create(NetworkSpec spec, ulong seed = 1)
    {
        var queue = new EventQueue(100_000);
        ImmutableArray<HostSpec> hosts =
        [
            Host("lambda-1", "lambda", natBlocked: false),
            Host("lambda-2", "lambda", natBlocked: false),
            Host("aws-1", "aws", natBlocked: false),
            Host("vast-1", "vast", natBlocked: true),
        ];
        return (queue, new SimNetwork(queue, new Prng(seed), hosts, spec));
    }

    private static HostSpec Host(string name, string provider, bool natBlocked) =>
        new(new NodeProfile(new NodeId(name), provider, new GpuProfile("H100", 1, 80), 256, 32, 2000, false, natBlocked, false),
            ClockSpec.Perfect);
}
