using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>Terse builders for sync tests: files, manifests and nodes with roomy defaults.</summary>
internal static class SyncBuild
{
    public static readonly ByteSize Tb = ByteSize.FromGigabytes(1000);

    public static ContentHash Hash(int file, int version = 1) => new((ulong)file + 1, unchecked((ulong)version * 0x9E3779B97F4A7C15UL));

    public static ManifestEntry Game(int file, long bytes = 1000, int version = 1) =>
        new($"games/square8_2p/g{file:D5}.db", FileKind.GameDb, "square8_2p", new ByteSize(bytes), Hash(file, version));

    public static ManifestEntry Model(int file, long bytes = 1000, int version = 1) =>
        new($"models/m{file:D3}.pt", FileKind.Model, "square8_2p", new ByteSize(bytes), Hash(file, version));

    public static ManifestEntry Npz(int file, long bytes = 1000) =>
        new($"training/t{file:D4}.npz", FileKind.TrainingNpz, "square8_2p", new ByteSize(bytes), Hash(file));

    public static Manifest ManifestOf(string node, params ManifestEntry[] entries) => Manifest.Create(new NodeId(node), 0, entries);

    public static NodeSnapshot Host(
        string id, params ManifestEntry[] entries) => Host(id, "lambda", entries);

    public static NodeSnapshot Host(string id, string provider, params ManifestEntry[] entries) => new(
        new NodeId(id), provider, Alive: true, NatBlocked: false, Load: Ratio.Zero, DiskTotal: Tb, DiskFree: Tb,
        StoresReplicas: true, Manifest: ManifestOf(id, entries));

    public static ClusterSnapshot Cluster(string? canonical, params NodeSnapshot[] nodes) =>
        ClusterSnapshot.Create(nodes, canonical is null ? null : new NodeId(canonical));

    /// <summary>The default policy without game replication, for tests about orders alone.</summary>
    public static SyncPolicy OrdersOnly(SyncPolicy? policy = null) => (policy ?? SyncPolicy.Default) with { ReplicateGames = false };

    public static IReadOnlyList<FileOrder> NoOrders => ImmutableArray<FileOrder>.Empty;
}
