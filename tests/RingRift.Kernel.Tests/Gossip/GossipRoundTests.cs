using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.GossipRig;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Gossip;

public sealed class GossipRoundTests
{
    /// <summary>Two voters at Hetzner, one at AWS; non-voters at AWS, Lambda and Vast.</summary>
    private static readonly ImmutableArray<GossipPeer> Fleet =
    [
        new(new NodeId("aws-1"), IsVoter: true, "aws"),
        new(new NodeId("aws-2"), IsVoter: false, "aws"),
        new(new NodeId("hetzner-1"), IsVoter: true, "hetzner"),
        new(new NodeId("hetzner-2"), IsVoter: true, "hetzner"),
        new(new NodeId("lambda-1"), IsVoter: false, "lambda"),
        new(new NodeId("lambda-2"), IsVoter: false, "lambda"),
        new(new NodeId("vast-1"), IsVoter: false, "vast"),
    ];

    [Fact]
    public void Rounds_FixedSeed_AreJitteredAndGoToTheSameTargetsEveryRun()
    {
        var rig = new GossipRig();

        var rounds = rig.RunUntil(At(50), Fleet).Select(s => (s.At.Micros, Targets(s.Ready))).ToArray();

        Assert.Equal(
            [
                (13_502_882L, "hetzner-2,hetzner-1,aws-1"),
                (27_701_019L, "hetzner-1,aws-1,hetzner-2"),
                (38_460_099L, "hetzner-1,hetzner-2,lambda-2"),
                (49_743_588L, "hetzner-2,lambda-1,hetzner-1"),
            ],
            rounds);
    }

    [Fact]
    public void Rounds_AnySeed_StartEveryIntervalTimesOneToOneAndAHalf()
    {
        for (ulong seed = 1; seed <= 50; seed++)
        {
            var rig = new GossipRig(seed: seed);
            var previous = Instant.Zero;
            foreach (var (at, _) in rig.RunUntil(At(600), Fleet).Where(s => s.Ready.Messages.Count == 3))
            {
                Assert.InRange((at - previous).Micros, 10_000_000, 14_999_999);
                previous = at;
            }
        }
    }

    [Fact]
    public void Targets_AnySeed_AreOneVoterThenOnePerProviderThenTheRest()
    {
        for (ulong seed = 1; seed <= 200; seed++)
        {
            var rig = new GossipRig(seed: seed, config: Configs.Gossip with { Fanout = 5 });
            var targets = rig.Tick(rig.Machine.NextDeadline, Fleet).Messages.Select(m => Peer(m.To)).ToArray();

            Assert.Equal(5, targets.Distinct().Count());
            Assert.True(targets[0].IsVoter);
            // After the voter, one peer of each of the four providers, in some order.
            Assert.Equal(["aws", "hetzner", "lambda", "vast"], targets[1..].Select(p => p.Provider).Order());
        }
    }

    [Fact]
    public void Targets_FewerPeersThanFanout_AreAllPeers()
    {
        var rig = new GossipRig();

        var ready = rig.Tick(rig.Machine.NextDeadline, Peers("node-c", "node-b"));

        Assert.Equal(["node-b", "node-c"], ready.Messages.Select(m => m.To.Value).Order());
        Assert.All(ready.Messages, m => Assert.False(m.IsResponse));
        Assert.Same(ready.Messages[0].Message, ready.Messages[1].Message);
    }

    [Fact]
    public void Targets_NoVoters_FillFromProvidersAndNonVoters()
    {
        var rig = new GossipRig();
        var noVoters = Fleet.Select(p => p with { IsVoter = false }).ToImmutableArray();

        var ready = rig.Tick(rig.Machine.NextDeadline, noVoters);

        Assert.Equal(3, ready.Messages.Select(m => Peer(m.To).Provider).Distinct().Count());
    }

    [Fact]
    public void FirstRound_PublishesOwnEntryAtVersionOne_AndSendsTheWholeDigest()
    {
        var rig = new GossipRig();

        var ready = rig.Tick(rig.Machine.NextDeadline, Fleet);

        Assert.Equal(new GossipEntryUpdated(rig.Self, 1, 1), Assert.Single(ready.Notices));
        var digest = Assert.IsType<GossipDigest>(ready.Messages[0].Message);
        Assert.Equal(new DigestPage(null, null, [new DigestItem(rig.Self, 1, 1)]), digest.Page);
        Assert.True(rig.Table.TryGet(rig.Self, out var own));
        Assert.Equal(new NodeStateEntry(rig.Self, 1, 1, NodeSummary.Idle), own);
    }

    [Fact]
    public void Round_NoPeers_StillPublishesAndSendsNothing()
    {
        var rig = new GossipRig();

        var ready = rig.Tick(rig.Machine.NextDeadline, []);

        Assert.Empty(ready.Messages);
        Assert.Single(ready.Notices);
    }

    [Fact]
    public void OwnState_Changed_IsPublishedAtTheNextRoundOnly()
    {
        var rig = new GossipRig();
        var first = rig.Machine.NextDeadline;
        rig.Tick(first, Fleet);
        rig.Machine.SetOwnLoad(Profiles.RichLoad());
        rig.Machine.SetOwnLeader(new NodeId("hetzner-1"), 4);
        rig.Machine.SetOwnManifest(0xABCDEF);

        Assert.Empty(rig.Tick(first + Micro, Fleet).Notices);
        var second = rig.Tick(rig.Machine.NextDeadline, Fleet);

        Assert.Equal(new GossipEntryUpdated(rig.Self, 1, 2), Assert.Single(second.Notices));
        Assert.True(rig.Table.TryGet(rig.Self, out var own));
        Assert.Equal(new NodeSummary(Profiles.RichLoad(), 0xABCDEF, new NodeId("hetzner-1"), 4), own.Summary);
    }

    [Fact]
    public void OwnState_SetToWhatItAlreadyIs_IsNoChange()
    {
        var rig = new GossipRig();
        rig.Tick(rig.Machine.NextDeadline, Fleet);
        rig.Machine.SetOwnLoad(NodeLoad.Idle with { });
        rig.Machine.SetOwnLeader(null, 0);
        rig.Machine.SetOwnManifest(0);

        Assert.Empty(rig.Tick(rig.Machine.NextDeadline, Fleet).Notices);
    }

    [Fact]
    public void OwnState_Unchanged_IsRepublishedAtTheFirstRoundAfterTheRefreshInterval()
    {
        var rig = new GossipRig();
        var steps = rig.RunUntil(At(400), Fleet);
        var rounds = steps.Where(s => s.Ready.Messages.Count == 3).Select(s => s.At).ToArray();
        var published = steps.Where(s => s.Ready.Notices.Count > 0).Select(s => s.At).ToArray();

        Assert.Equal(rounds[0], published[0]);
        for (var i = 1; i < published.Length; i++)
            Assert.Equal(rounds.First(r => r >= published[i - 1] + Duration.FromSeconds(60)), published[i]);
        Assert.Equal(6, published.Length);
        Assert.True(rig.Table.TryGet(rig.Self, out var own));
        Assert.Equal(6, own.Version);
    }

    [Fact]
    public void Rounds_WhileIncarnationNotDurable_SendNothingAnswerNothingAndPublishNothing()
    {
        var rig = new GossipRig();
        rig.Outbox.Issue(new Persist(rig.Outbox.NextEffectId(), new PersistentState(1, 1)));

        foreach (var (_, ready) in rig.RunUntil(At(100), Fleet))
        {
            Assert.Empty(ready.Messages);
            Assert.Empty(ready.Notices);
        }
        var learned = rig.Receive(At(100), new NodeId("aws-1"), new GossipDelta([GossipGen.Entry("aws-1", 1, 1)], DigestPage.Empty));
        Assert.Empty(learned.Messages);
        Assert.Single(learned.Notices);
        Assert.Empty(rig.Receive(At(100), new NodeId("aws-1"), new GossipDigest(DigestPage.Empty)).Messages);
        rig.Outbox.MarkDurable(1);
        var durable = rig.Tick(rig.Machine.NextDeadline, Fleet);

        Assert.Equal(new GossipEntryUpdated(rig.Self, 1, 1), Assert.Single(durable.Notices));
        Assert.Equal(3, durable.Messages.Count);
    }

    [Fact]
    public void AntiEntropy_SendsTheWholeDigestToOnePeerEveryIntervalTimesOneToOneAndAHalf()
    {
        var rig = new GossipRig();

        var exchanges = rig.RunUntil(At(600), Fleet).Where(s => s.Ready.Messages.Count == 1).ToArray();

        Assert.Equal(7, exchanges.Length);
        var previous = Instant.Zero;
        foreach (var (at, ready) in exchanges)
        {
            Assert.InRange((at - previous).Micros, 60_000_000, 89_999_999);
            var digest = Assert.IsType<GossipDigest>(Assert.Single(ready.Messages).Message);
            Assert.Equal((null, null), (digest.Page.After, digest.Page.Through));
            previous = at;
        }
    }

    private static string Targets(Ready ready) => string.Join(",", ready.Messages.Select(m => m.To.Value));

    private static GossipPeer Peer(NodeId node) => Fleet.Single(p => p.Node == node);
}
