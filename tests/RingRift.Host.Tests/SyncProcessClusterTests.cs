using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;
using Xunit.Abstractions;

namespace RingRift.Host.Tests;

/// <summary>
/// Three <c>ringrift-node</c> processes on loopback with <c>sync:</c> on. A game database appears in
/// one worker's data directory (moved into place whole, as a finished job leaves it); its host reports
/// it, the leader plans, nodes pull: within the bound the same bytes (same XXH128) sit in the canonical
/// store's data directory and in the other worker's, read from the files on disk.
/// </summary>
public sealed class SyncProcessClusterTests(ITestOutputHelper output)
{
    private const int Nodes = 3;
    private const int Canonical = 0;
    private const int Writer = 2;
    private const string GamePath = "games/square8_2p/node-c-0000001.db";
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SyncBound = TimeSpan.FromSeconds(90);

    private const string Sync = """
        sync: { canonical_store: node-a, status_interval: 1s, plan_interval: 1s, request_timeout: 5s }

        """;

    [Fact]
    public async Task GameWrittenOnAWorker_ReachesTheCanonicalStoreAndAReplicaByteForByte()
    {
        var test = Stopwatch.StartNew();
        await using var cluster = new TestCluster(Nodes, Sync);
        using var nodes = new NodeProcesses(cluster);
        var all = new[] { 0, 1, 2 };
        foreach (var i in all) nodes.Start(i);
        Assert.NotNull(await cluster.AgreedLeaderAsync(all, StartBound));

        var expected = DropGame(cluster.Settings(Writer).DataDir);
        var travel = Stopwatch.StartNew();
        var atCanonical = TimeSpan.Zero;
        var arrived = await Poll.Until(async () =>
        {
            if (atCanonical == TimeSpan.Zero && await HashOnDisk(cluster, Canonical) == expected) atCanonical = travel.Elapsed;
            return atCanonical != TimeSpan.Zero && await HashOnDisk(cluster, 1) == expected;
        }, SyncBound);
        travel.Stop();
        if (!arrived) foreach (var line in nodes.Output) output.WriteLine(line);
        Assert.True(arrived, $"the game did not reach {(atCanonical == TimeSpan.Zero ? "the canonical store" : "node-b")} within {SyncBound}");
        output.WriteLine($"game at the canonical store after {atCanonical.TotalSeconds:F1} s, at node-b after {travel.Elapsed.TotalSeconds:F1} s; test {test.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Writes 256 KiB of random bytes beside the data directory and moves them to <see cref="GamePath"/> in one step.</summary>
    private static ContentHash DropGame(string dataDir)
    {
        var bytes = new byte[256 * 1024];
        Random.Shared.NextBytes(bytes);
        var target = Path.Combine(dataDir, GamePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = Path.Combine(dataDir, "..", "staged-game.db");
        File.WriteAllBytes(staging, bytes);
        File.Move(staging, target);
        return ContentHashes.Of(bytes);
    }

    /// <summary>The XXH128 of the game as it lies in node <paramref name="index"/>'s data directory; null while absent.</summary>
    private static async Task<ContentHash?> HashOnDisk(TestCluster cluster, int index)
    {
        var path = Path.Combine(cluster.Settings(index).DataDir, GamePath);
        if (!File.Exists(path)) return null;
        try
        {
            return await ContentHashes.OfFileAsync(path, CancellationToken.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
