using System;
using System.IO;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests.Support;

/// <summary>Three running nodes on loopback whose data directories the sync tests fill and read.</summary>
public sealed class SyncClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new(3);

    public async Task InitializeAsync()
    {
        for (var i = 0; i < 3; i++) await Cluster.StartAsync(i);
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    public string DataDir(int node) => Cluster.Settings(node).DataDir;

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="path"/> in the node's data directory.</summary>
    public void Write(int node, string path, byte[] bytes)
    {
        var full = Path.Combine(DataDir(node), path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    public static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static TransferSpec Spec(int source, int target, string path, byte[] whole, long offset = 0, long? length = null) =>
        new(new NodeId(TestCluster.Name(source)), new NodeId(TestCluster.Name(target)), path, ContentHashes.Of(whole),
            whole.Length, offset, length ?? whole.Length - offset);
}
