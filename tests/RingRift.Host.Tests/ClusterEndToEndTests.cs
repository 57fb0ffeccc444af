using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>Three real nodes on loopback (HTTP, SQLite, signed messages) electing a leader, seen through /status.</summary>
public sealed class ClusterEndToEndTests
{
    private static readonly TimeSpan ElectionBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ThreeNodes_OnLoopback_AgreeOnOneLeaderViaStatus()
    {
        await using var cluster = new TestCluster(3);
        for (var i = 0; i < 3; i++) await cluster.StartAsync(i);

        var leader = await cluster.AgreedLeaderAsync([0, 1, 2], ElectionBound);

        Assert.NotNull(leader);
        var status = (await cluster.StatusAsync(0))!.Value;
        Assert.Equal(2, status.GetProperty("alive_peers").GetInt32());
        Assert.True(status.GetProperty("epoch").GetInt64() >= 1);
    }

    [Fact]
    public async Task ThreeNodes_SwimOverUdp_AgreeOnOneLeaderAndExchangeDatagrams()
    {
        await using var cluster = new TestCluster(3, swim: true);
        for (var i = 0; i < 3; i++) await cluster.StartAsync(i);

        var leader = await cluster.AgreedLeaderAsync([0, 1, 2], ElectionBound);

        Assert.NotNull(leader);
        Assert.True(await Poll.Until(() => cluster.Runtime(0).UdpCounters.Received > 0, ElectionBound));
        Assert.Equal(0, cluster.Runtime(0).UdpCounters.DroppedTotal);
    }

    [Fact]
    public async Task Leader_StoppedGracefully_RemainingNodesElectAnother()
    {
        await using var cluster = new TestCluster(3);
        for (var i = 0; i < 3; i++) await cluster.StartAsync(i);
        var first = await cluster.AgreedLeaderAsync([0, 1, 2], ElectionBound);
        Assert.NotNull(first);
        var index = first![^1] - 'a';

        await cluster.StopAsync(index);
        var others = Enumerable.Range(0, 3).Where(i => i != index).ToArray();
        var second = await cluster.AgreedLeaderAsync(others, ElectionBound);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        using var store = Adapters.Sqlite.SqliteStateStore.Open(cluster.Settings(index).DataDir, TestCluster.Name(index));
        Assert.Equal(2, store.LoadPeers().Count);
    }
}
