using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// File transfers between real nodes over HTTP on loopback, through each node's own transfer executor:
/// pulls and pushes, whole or in chunks from two sources, verified by XXH128 before the file appears.
/// </summary>
public sealed class SyncTransferTests(SyncClusterFixture fixture) : IClassFixture<SyncClusterFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Pull_WholeFile_AppearsAtTheTargetWithTheSameBytes()
    {
        var bytes = SyncClusterFixture.Bytes(300_000, 1);
        fixture.Write(0, "games/whole.db", bytes);

        var outcome = await Execute(2, SyncClusterFixture.Spec(0, 2, "games/whole.db", bytes));

        Assert.Equal(new TransferCompleted(bytes.Length, FileComplete: true), outcome);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.DataDir(2), "games/whole.db")));
    }

    [Fact]
    public async Task Pull_TwoChunksFromTwoSources_AssembleIntoTheWholeFileOnce()
    {
        var bytes = SyncClusterFixture.Bytes(200_001, 2);
        fixture.Write(0, "models/two.pth", bytes);
        fixture.Write(1, "models/two.pth", bytes);

        var outcomes = await Task.WhenAll(
            Execute(2, SyncClusterFixture.Spec(0, 2, "models/two.pth", bytes, 0, 100_000)),
            Execute(2, SyncClusterFixture.Spec(1, 2, "models/two.pth", bytes, 100_000)));

        var completed = outcomes.Select(o => Assert.IsType<TransferCompleted>(o)).ToArray();
        Assert.Equal(bytes.Length, completed.Sum(c => c.Bytes));
        Assert.Single(completed, c => c.FileComplete);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.DataDir(2), "models/two.pth")));
        Assert.Empty(PartialFilesOf(2));
    }

    [Fact]
    public async Task Pull_SourceBytesRottedUnderItsIndexedHash_FailsCorruptAndLeavesNothing()
    {
        var bytes = SyncClusterFixture.Bytes(50_000, 3);
        fixture.Write(0, "games/rot.db", bytes);
        Assert.Contains(await fixture.Cluster.Runtime(0).Sync.Index.ManifestAsync(CancellationToken.None), f => f.Path == "games/rot.db");
        RotInPlace(Path.Combine(fixture.DataDir(0), "games/rot.db"));

        var outcome = await Execute(2, SyncClusterFixture.Spec(0, 2, "games/rot.db", bytes));

        Assert.Equal(TransferFailure.Corrupt, Assert.IsType<TransferFailed>(outcome).Failure);
        Assert.False(File.Exists(Path.Combine(fixture.DataDir(2), "games/rot.db")));
        Assert.Empty(PartialFilesOf(2));
    }

    [Fact]
    public async Task Pull_SourceHoldsAnotherVersion_FailsMissing()
    {
        fixture.Write(0, "games/other.db", SyncClusterFixture.Bytes(1000, 4));

        var outcome = await Execute(2, SyncClusterFixture.Spec(0, 2, "games/other.db", SyncClusterFixture.Bytes(1000, 5)));

        Assert.Equal(TransferFailure.Missing, Assert.IsType<TransferFailed>(outcome).Failure);
    }

    [Fact]
    public async Task Pull_FileTheSourceLacks_FailsMissing()
    {
        var outcome = await Execute(2, SyncClusterFixture.Spec(0, 2, "games/absent.db", SyncClusterFixture.Bytes(10, 6)));

        Assert.Equal(TransferFailure.Missing, Assert.IsType<TransferFailed>(outcome).Failure);
    }

    [Fact]
    public async Task Push_WholeFile_TheTargetVerifiesAndStoresIt()
    {
        var bytes = SyncClusterFixture.Bytes(120_000, 7);
        fixture.Write(0, "data/pushed.npz", bytes);

        var outcome = await Execute(0, SyncClusterFixture.Spec(0, 1, "data/pushed.npz", bytes));

        Assert.Equal(new TransferCompleted(bytes.Length, FileComplete: true), outcome);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.DataDir(1), "data/pushed.npz")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Transfer_PathThatNeedsEscaping_IsSignedAndServedAsNamed(int executing)
    {
        var path = $"games/a b+c%d&e=f {executing}.db";
        var bytes = SyncClusterFixture.Bytes(5000, 20 + executing);
        fixture.Write(0, path, bytes);

        var outcome = await Execute(executing, SyncClusterFixture.Spec(0, 1, path, bytes));

        Assert.Equal(new TransferCompleted(bytes.Length, FileComplete: true), outcome);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(fixture.DataDir(1), path)));
    }

    [Fact]
    public async Task Push_RottedBytes_TheTargetRefusesThemAsCorrupt()
    {
        var bytes = SyncClusterFixture.Bytes(40_000, 8);
        fixture.Write(0, "data/rot-push.npz", bytes);
        Assert.NotNull(await fixture.Cluster.Runtime(0).Sync.Index.LookupAsync("data/rot-push.npz", CancellationToken.None));
        RotInPlace(Path.Combine(fixture.DataDir(0), "data/rot-push.npz"));

        var outcome = await Execute(0, SyncClusterFixture.Spec(0, 1, "data/rot-push.npz", bytes));

        Assert.Equal(TransferFailure.Corrupt, Assert.IsType<TransferFailed>(outcome).Failure);
        Assert.False(File.Exists(Path.Combine(fixture.DataDir(1), "data/rot-push.npz")));
    }

    private Task<EffectOutcome> Execute(int node, TransferSpec spec) =>
        fixture.Cluster.Runtime(node).Transfers.ExecuteAsync(spec, CancellationToken.None).WaitAsync(Bound);

    private string[] PartialFilesOf(int node)
    {
        var dir = Path.Combine(fixture.DataDir(node), DataPaths.PartialDir);
        return Directory.Exists(dir) ? Directory.GetFiles(dir) : [];
    }

    /// <summary>Flips one byte without changing the size or the modification time, as silent disk corruption would.</summary>
    private static void RotInPlace(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = 17;
            var b = stream.ReadByte();
            stream.Position = 17;
            stream.WriteByte((byte)(b ^ 0xFF));
        }
        File.SetLastWriteTimeUtc(path, written);
    }
}
