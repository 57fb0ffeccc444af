using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>
/// A random planning problem drawn from one seed with the kernel's own PRNG: 2–12 nodes on three
/// providers, some dead, NAT-blocked, loaded or nearly full, manifests drawn from a pool of games,
/// training files and models (some in two versions), one-way cuts, orders and a policy with small
/// bounds and small chunks so that every rule binds. The seed is the whole counterexample.
/// </summary>
internal sealed record SyncScenario(
    int Seed, List<NodeSnapshot> Nodes, NodeId? Canonical, List<DialBlock> Blocks, List<FileOrder> Orders, SyncPolicy Policy)
{
    public static readonly Arbitrary<SyncScenario> Any = Gen.Choose(0, int.MaxValue).Select(Draw).ToArbitrary();

    public ClusterSnapshot Snapshot(IEnumerable<Transfer>? inFlight = null) => ClusterSnapshot.Create(Nodes, Canonical, Blocks, inFlight);

    public override string ToString() => "seed " + Seed;

    public static SyncScenario Draw(int seed)
    {
        var prng = new Prng((ulong)seed);
        var pool = Pool(prng);
        var count = (int)prng.NextInRange(2, 13);
        var nodes = new List<NodeSnapshot>();
        for (var i = 0; i < count; i++) nodes.Add(DrawNode(prng, i, pool));
        var blocks = new List<DialBlock>();
        for (var b = prng.NextBelow(4); b > 0; b--)
            blocks.Add(new DialBlock(nodes[(int)prng.NextBelow((ulong)count)].Node, nodes[(int)prng.NextBelow((ulong)count)].Node));
        var orders = new List<FileOrder>();
        for (var o = prng.NextBelow(8); o > 0; o--)
        {
            var entry = pool[(int)prng.NextBelow((ulong)pool.Count)];
            var priority = prng.NextBelow(2) == 0 ? SyncPriority.PromotedModel : SyncPriority.TrainingInput;
            orders.Add(new FileOrder(nodes[(int)prng.NextBelow((ulong)count)].Node, entry.Path, entry.Hash, priority));
        }
        NodeId? canonical = prng.NextBelow(6) == 0 ? null : nodes[(int)prng.NextBelow((ulong)count)].Node;
        return new SyncScenario(seed, nodes, canonical, blocks, orders, DrawPolicy(prng));
    }

    private static List<ManifestEntry> Pool(Prng prng)
    {
        var pool = new List<ManifestEntry>();
        for (var f = 0; f < 24; f++)
        {
            long size = prng.NextBelow(5) == 0 ? prng.NextInRange(300, 2000) : prng.NextInRange(0, 120);
            var kind = f % 6 == 0 ? FileKind.Model : f % 6 == 1 ? FileKind.TrainingNpz : FileKind.GameDb;
            var path = kind switch { FileKind.Model => "models/", FileKind.TrainingNpz => "training/", _ => "games/" } + "f" + f;
            pool.Add(new ManifestEntry(path, kind, "hex8_2p", new ByteSize(size), SyncBuild.Hash(f)));
            if (prng.NextBelow(4) == 0) pool.Add(new ManifestEntry(path, kind, "hex8_2p", new ByteSize(size + 1), SyncBuild.Hash(f, 2)));
        }
        return pool;
    }

    private static NodeSnapshot DrawNode(Prng prng, int i, List<ManifestEntry> pool)
    {
        var id = new NodeId("n" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        var held = new Dictionary<string, ManifestEntry>();
        foreach (var entry in pool)
            if (prng.NextBelow(3) == 0) held[entry.Path] = entry;
        var total = new ByteSize(10_000);
        var free = new ByteSize(prng.NextBelow(4) switch { 0 => prng.NextInRange(0, 600), 1 => prng.NextInRange(600, 1600), _ => prng.NextInRange(1600, 10_000) });
        return new NodeSnapshot(
            id, "p" + prng.NextBelow(3), Alive: prng.NextBelow(8) != 0, NatBlocked: prng.NextBelow(5) == 0,
            Load: new Ratio((int)prng.NextBelow(10_001)), DiskTotal: total, DiskFree: free,
            StoresReplicas: prng.NextBelow(6) != 0, Manifest: Manifest.Create(id, 0, held.Values));
    }

    private static SyncPolicy DrawPolicy(Prng prng) => new(
        PullsPerTargetMax: (int)prng.NextInRange(1, 4),
        ServesPerSourceMax: (int)prng.NextInRange(1, 4),
        TransfersPerLinkMax: (int)prng.NextInRange(1, 3),
        PlanTransfersMax: (int)prng.NextInRange(1, 40),
        ChunkSize: new ByteSize(prng.NextInRange(50, 200)),
        ChunkedAbove: new ByteSize(250),
        SourcesPerFileMax: (int)prng.NextInRange(1, 4),
        ReplicasMin: 2,
        ReplicateGames: prng.NextBelow(5) != 0,
        PushAllowed: prng.NextBelow(4) != 0,
        // Small disks: 10,000 bytes, warning below 1,500 free, critical below 500, never ample.
        Disk: new DiskThresholds(Ratio.FromPercent(85), Ratio.FromPercent(95), new ByteSize(1_000_000), new ByteSize(1_000_000)));

    /// <summary>The same problem with nodes, cuts and orders in a seeded random order.</summary>
    public SyncScenario Shuffled(int shuffleSeed)
    {
        var prng = new Prng((ulong)shuffleSeed);
        return this with { Nodes = Shuffle(Nodes, prng), Blocks = Shuffle(Blocks, prng), Orders = Shuffle(Orders, prng) };
    }

    public static List<T> Shuffle<T>(List<T> items, Prng prng)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = (int)prng.NextBelow((ulong)i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }
}
