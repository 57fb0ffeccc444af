using System.Collections.Generic;
using System.Globalization;
using RingRift.Kernel;
using RingRift.Kernel.Sync;

namespace RingRift.Bench;

/// <summary>
/// A cluster with the original's data shape, for <see cref="SyncPlannerBench"/>: node 0 is the
/// coordinator (the canonical store), the rest are workers on four providers, every fourth of them
/// NAT-blocked and every sixth a training node. Each worker holds <see cref="GamesPerWorker"/> game
/// databases of 1–10 MB that it produced; the coordinator already holds the older 90 % of them and
/// another worker the older half, so the newest games still need the canonical store and a replica.
/// Every node holds three versions of a model per config (15–174 MB); training nodes hold 20 NPZ
/// files per config (0.3–1.2 GB); one node in ten is at its disk warning level. Orders: a newly
/// promoted model per config to every node, and ten NPZ files to each of two training nodes.
/// Drawn from a fixed seed, so every run plans the same problem.
/// </summary>
internal static class SyncBenchCluster
{
    public const int GamesPerWorker = 2000;
    private const int Configs = 12;
    private static readonly string[] Providers = ["lambda", "nebius", "hetzner", "vast"];

    public static (ClusterSnapshot Snapshot, List<FileOrder> Orders) Build(int nodeCount) => Build(nodeCount, GamesPerWorker);

    /// <summary>The same shape with <paramref name="gamesPerWorker"/> games on each worker.</summary>
    public static (ClusterSnapshot Snapshot, List<FileOrder> Orders) Build(int nodeCount, int gamesPerWorker)
    {
        var prng = new Prng(20240601);
        var ids = new NodeId[nodeCount];
        for (var i = 0; i < nodeCount; i++) ids[i] = new NodeId(i == 0 ? "coordinator" : "worker-" + i.ToString("D4", CultureInfo.InvariantCulture));
        var held = new List<ManifestEntry>[nodeCount];
        for (var i = 0; i < nodeCount; i++) held[i] = Models(prng, promoted: false);
        for (var w = 1; w < nodeCount; w++) AddGames(prng, held, w, nodeCount, gamesPerWorker);
        for (var w = 6; w < nodeCount; w += 6) held[w].AddRange(Npz(prng, w));
        var nodes = new List<NodeSnapshot>(nodeCount);
        for (var i = 0; i < nodeCount; i++) nodes.Add(Node(prng, ids[i], i, held[i]));
        var orders = new List<FileOrder>();
        foreach (var model in Models(prng, promoted: true))
        {
            held[0].Add(model);
            for (var i = 1; i < nodeCount; i++) orders.Add(FileOrder.Model(ids[i], model.Path, model.Hash));
        }
        nodes[0] = Node(prng, ids[0], 0, held[0]);
        foreach (var trainer in new[] { 6, 12 })
            for (var f = 0; f < 10; f++)
            {
                var source = Npz(new Prng((ulong)trainer + 1000), (trainer + 6) % nodeCount)[f];
                orders.Add(FileOrder.TrainingInput(ids[trainer], source.Path, source.Hash));
            }
        return (ClusterSnapshot.Create(nodes, ids[0]), orders);
    }

    private static NodeSnapshot Node(Prng prng, NodeId id, int index, List<ManifestEntry> entries)
    {
        var total = ByteSize.FromGigabytes(index == 0 ? 8000 : 2000);
        var used = Manifest.Create(id, 1, entries).TotalSize;
        var free = index % 10 == 9 ? ByteSize.FromGigabytes(60) : total - used;
        return new NodeSnapshot(
            id, Providers[index % Providers.Length], Alive: true, NatBlocked: index % 4 == 3,
            Load: new Ratio((int)prng.NextBelow(10_000)), DiskTotal: total, DiskFree: free,
            StoresReplicas: true, Manifest: Manifest.Create(id, 1, entries));
    }

    private static void AddGames(Prng prng, List<ManifestEntry>[] held, int worker, int nodeCount, int gamesPerWorker)
    {
        var replica = worker % (nodeCount - 1) + 1;
        for (var g = 0; g < gamesPerWorker; g++)
        {
            var config = g % Configs;
            var path = $"games/{ConfigKey(config)}/{worker:D4}-{g:D5}.db";
            var entry = new ManifestEntry(path, FileKind.GameDb, ConfigKey(config),
                new ByteSize(prng.NextInRange(1_000_000, 10_000_000)), new ContentHash(prng.NextUInt64(), prng.NextUInt64()));
            held[worker].Add(entry);
            if (g < gamesPerWorker * 9 / 10) held[0].Add(entry);
            if (g < gamesPerWorker / 2 && replica != worker) held[replica].Add(entry);
        }
    }

    private static List<ManifestEntry> Models(Prng prng, bool promoted)
    {
        var models = new List<ManifestEntry>();
        for (var c = 0; c < Configs; c++)
            for (var v = promoted ? 3 : 0; v < (promoted ? 4 : 3); v++)
                models.Add(new ManifestEntry($"models/{ConfigKey(c)}/v{v}.pt", FileKind.Model, ConfigKey(c),
                    new ByteSize(prng.NextInRange(15_000_000, 174_000_000)), new ContentHash((ulong)c, (ulong)v + 1)));
        return models;
    }

    private static List<ManifestEntry> Npz(Prng prng, int node)
    {
        var files = new List<ManifestEntry>();
        for (var c = 0; c < Configs; c++)
            for (var f = 0; f < 20; f++)
                files.Add(new ManifestEntry($"training/{ConfigKey(c)}/{node:D4}-{f:D2}.npz", FileKind.TrainingNpz, ConfigKey(c),
                    new ByteSize(prng.NextInRange(300_000_000, 1_200_000_000)), new ContentHash((ulong)node << 32 | (uint)c, (ulong)f + 1)));
        return files;
    }

    private static string ConfigKey(int config) =>
        new[] { "square8", "square19", "hex8", "hexagonal" }[config / 3] + "_" + (config % 3 + 2).ToString(CultureInfo.InvariantCulture) + "p";
}
