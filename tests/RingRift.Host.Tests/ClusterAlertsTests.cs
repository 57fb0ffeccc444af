using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// /alerts across a cluster of real node processes on loopback: the leader serves every node's reported
/// alerts at their reported levels, and each follower names the leader and the address of that view.
/// </summary>
public sealed class ClusterAlertsTests
{
    private const int Nodes = 3;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AlertBound = TimeSpan.FromSeconds(60);

    /// <summary>A disk threshold of 1% every real disk is above: each node alerts about itself at its first samples.</summary>
    private const string Monitoring = "monitoring: { sample_interval: 1s, window_samples: 3, stall_after: 2s, disk_used_max: 1%, disk_used_clear: 0% }\n";

    [Fact]
    public async Task EveryNodeAlerting_LeaderServesAllAlerts_FollowersPointAtIt()
    {
        await using var cluster = new TestCluster(Nodes, Monitoring);
        using var nodes = new NodeProcesses(cluster);
        var all = Enumerable.Range(0, Nodes).ToArray();
        foreach (var i in all) nodes.Start(i);
        var leader = await cluster.AgreedLeaderAsync(all, StartBound);
        Assert.NotNull(leader);
        var leaderIndex = leader![^1] - 'a';
        var everyName = all.Select(TestCluster.Name).ToHashSet();

        JsonElement view = default;
        var complete = await Poll.Until(async () =>
        {
            view = await Alerts(cluster, cluster.Base(leaderIndex));
            return view.GetProperty("cluster_alerts") is { ValueKind: JsonValueKind.Array } list
                && list.EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "disk_filling")
                    .Select(a => a.GetProperty("node").GetString()).ToHashSet().SetEquals(everyName);
        }, AlertBound);
        Assert.True(complete, $"the leader's /alerts never listed disk_filling for every node: {view}");
        Assert.All(view.GetProperty("cluster_alerts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "disk_filling"),
            a => Assert.True(a.GetProperty("level").GetInt64() > 0, $"a reported disk level of 0 in {a}"));
        Assert.Equal("/alerts", view.GetProperty("cluster_view").GetString());
        Assert.Equal(leader, view.GetProperty("leader").GetString());

        foreach (var follower in all.Where(i => i != leaderIndex))
        {
            var own = await Alerts(cluster, cluster.Base(follower));
            Assert.Equal(leader, own.GetProperty("leader").GetString());
            Assert.Equal(JsonValueKind.Null, own.GetProperty("cluster_alerts").ValueKind);
            Assert.All(own.GetProperty("alerts").EnumerateArray(), a => Assert.Equal(TestCluster.Name(follower), a.GetProperty("node").GetString()));
            var pointer = new Uri(own.GetProperty("cluster_view").GetString()!);
            Assert.Equal(new Uri(cluster.Base(leaderIndex), "alerts"), pointer);
            var there = await Alerts(cluster, new Uri(pointer.GetLeftPart(UriPartial.Authority) + "/"));
            Assert.Contains(there.GetProperty("cluster_alerts").EnumerateArray(), a => a.GetProperty("node").GetString() == TestCluster.Name(follower));
        }
    }

    private static async Task<JsonElement> Alerts(TestCluster cluster, Uri node) =>
        JsonDocument.Parse(await cluster.Client.GetStringAsync(new Uri(node, "alerts"))).RootElement.Clone();
}
