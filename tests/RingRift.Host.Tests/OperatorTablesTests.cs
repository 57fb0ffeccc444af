using System;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RingRift.Adapters.Sqlite;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The tables written for operators each period: peers, the peer cache's counts and the metrics history.</summary>
public sealed class OperatorTablesTests
{
    private static readonly NodeStatus Leading = new(
        new NodeId("a"), 2, NodeRole.Leader, new NodeId("a"), 3, AlivePeers: 1, TotalPeers: 2, RunningJobs: 4,
        [new MemberView(new NodeId("b"), MemberState.Alive, 1), new MemberView(new NodeId("c"), MemberState.Dead, 1)]);

    [Fact]
    public void WritePeriod_Twice_CountsPeerObservationsAndAppendsMetrics()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "a");
        var addresses = ImmutableDictionary<NodeId, Uri>.Empty.Add(new NodeId("b"), new Uri("http://10.0.0.2:8770/"));
        var writer = new OperatorTablesWriter(store, () => Leading, addresses, TimeSpan.FromHours(1), NullLogger.Instance);

        writer.WritePeriod();
        writer.WritePeriod();

        Assert.Equal((2L, 0L, 1.0), store.PeerCacheEntry("b"));
        Assert.Equal((0L, 2L, 0.0), store.PeerCacheEntry("c"));
        Assert.Equal(2, store.MetricRows("running_jobs"));
        Assert.Equal(2, store.MetricRows("is_leader"));
        Assert.Equal(2, store.LoadPeers().Count);
    }

    [Fact]
    public void RecordMetrics_BeyondTheCap_KeepsOnlyTheNewestRows()
    {
        using var dir = new TempDir();
        using var store = SqliteStateStore.Open(dir.Path, "a");
        var batch = new (string, double)[1000];
        for (var i = 0; i < batch.Length; i++) batch[i] = ("x", i);

        for (var i = 0; i <= SqliteStateStore.MetricsHistoryRowsMax / batch.Length; i++) store.RecordMetrics(batch);

        Assert.Equal(SqliteStateStore.MetricsHistoryRowsMax, store.MetricRows("x"));
    }
}
