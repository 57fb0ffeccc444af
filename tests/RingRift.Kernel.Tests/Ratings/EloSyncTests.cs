using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Node;
using RingRift.Kernel.Ratings;
using Xunit;

namespace RingRift.Kernel.Tests.Ratings;

/// <summary>Elo arithmetic, the sync exchange between two tables, and the wire form of its messages.</summary>
public sealed class EloSyncTests
{
    private static readonly NodeId Leader = new("leader"), Follower = new("follower");

    private static MatchResult Match(int i, int wins) => new($"gauntlet-{i:D4}", "hex8_2p", $"hex8_2p-g{i + 1}", $"hex8_2p-g{i}", wins, 0, 32 - wins);

    [Theory]
    [InlineData(0, 5000)]
    [InlineData(5_000, 5715)]
    [InlineData(2_500, 5357)]
    [InlineData(-10_000, 3599)]
    [InlineData(200_000, 9901)]
    public void ExpectedScoreBp_ReadsTheLogisticTable(long diffCenti, int expected)
    {
        Assert.Equal(expected, EloMath.ExpectedScoreBp(diffCenti));
    }

    [Fact]
    public void Ratings_EvenPlayersWinningThreeQuarters_MoveEightPointsPerGameWon()
    {
        var table = new EloTable();
        table.Merge(new MatchResult("m1", "hex8_2p", "a", "b", 24, 0, 8));

        // K · (24 − 32 · 0.5) = 32 · 8 = 256 Elo, in centi-Elo.
        Assert.Equal(120_000 + 25_600, table.RatingCenti("a"));
        Assert.Equal(120_000 - 25_600, table.RatingCenti("b"));
        Assert.Equal(120_000, table.RatingCenti("never-played"));
    }

    [Fact]
    public void Sync_FollowerOffersToLeaderWithMoreThanOnePage_EndsWithBothHoldingTheUnion()
    {
        var leaderOut = new Outbox(64);
        var followerOut = new Outbox(64);
        var leader = new EloSyncMachine(Duration.FromMinutes(5), leaderOut);
        var follower = new EloSyncMachine(Duration.FromMinutes(5), followerOut);
        for (var i = 0; i < 150; i++) leader.Record(Match(i, 16 + i % 10));
        follower.Record(Match(900, 20));

        follower.Tick(Instant.Zero, Leader);
        follower.Tick(Instant.Zero + Duration.FromMinutes(5), Leader);
        var delivered = Exchange(leader, leaderOut, follower, followerOut);

        Assert.Equal(151, leader.Table.Count);
        Assert.Equal(leader.Table.Digest, follower.Table.Digest);
        Assert.Equal(leader.Table.Ratings().ToArray(), follower.Table.Ratings().ToArray());
        Assert.True(delivered < 20, $"{delivered} messages");
    }

    [Fact]
    public void Sync_SameTables_OfferIsTheOnlyMessage()
    {
        var leaderOut = new Outbox(64);
        var followerOut = new Outbox(64);
        var leader = new EloSyncMachine(Duration.FromMinutes(5), leaderOut);
        var follower = new EloSyncMachine(Duration.FromMinutes(5), followerOut);
        leader.Record(Match(1, 20));
        follower.Record(Match(1, 20));

        follower.Tick(Instant.Zero, Leader);
        follower.Tick(Instant.Zero + Duration.FromMinutes(5), Leader);

        Assert.Equal(1, Exchange(leader, leaderOut, follower, followerOut));
    }

    [Fact]
    public void Codec_EloMessages_RoundTrip()
    {
        Message[] messages =
        [
            new EloOffer(12, 0xDEADBEEFCAFEUL, IsAnswer: true),
            new EloRequest("gauntlet-0042"),
            new EloResults([Match(1, 20), Match(2, 0)], More: true),
        ];
        foreach (var message in messages)
        {
            var writer = new WireWriter();
            MessageCodec.Encode(message, writer);

            Assert.True(MessageCodec.TryDecode(writer.Written.ToArray(), out var decoded, out var error), error);
            Assert.Equal(message.Kind, decoded!.Kind);
            if (message is EloResults results) Assert.Equal(results.Results.ToArray(), ((EloResults)decoded).Results.ToArray());
            else Assert.Equal(message, decoded);
        }
    }

    /// <summary>Delivers messages between the two until none is left; returns how many were delivered.</summary>
    private static int Exchange(EloSyncMachine leader, Outbox leaderOut, EloSyncMachine follower, Outbox followerOut)
    {
        var status = new NodeStatus(Leader, 1, NodeRole.Follower, null, 0, 0, 0, 0, []);
        var queue = new Queue<(NodeId From, Outbound Message)>();
        var delivered = 0;
        while (true)
        {
            foreach (var m in leaderOut.Drain(null, status).Messages) queue.Enqueue((Leader, m));
            foreach (var m in followerOut.Drain(null, status).Messages) queue.Enqueue((Follower, m));
            if (queue.Count == 0) return delivered;
            var (from, outbound) = queue.Dequeue();
            delivered++;
            var to = outbound.To == Leader ? leader : follower;
            switch (outbound.Message)
            {
                case EloOffer offer: to.OnOffer(from, offer); break;
                case EloRequest request: to.OnRequest(from, request); break;
                case EloResults results: to.OnResults(from, results); break;
            }
        }
    }
}
