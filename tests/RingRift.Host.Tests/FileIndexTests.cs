using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The data directory's index: hashes cached by size and modification time, kinds by location and extension.</summary>
public sealed class FileIndexTests
{
    [Fact]
    public async Task Manifest_Unchanged_IsNotHashedAgainButAChangedFileIs()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("a.db"), [1, 2, 3]);
        File.WriteAllBytes(dir.File("b.npz"), [4, 5]);
        var index = new FileIndex(new DataPaths(dir.Path));

        await index.ManifestAsync(CancellationToken.None);
        await index.ManifestAsync(CancellationToken.None);
        var unchanged = index.FilesHashed;
        File.WriteAllBytes(dir.File("b.npz"), [4, 5, 6]);
        var after = await index.ManifestAsync(CancellationToken.None);

        Assert.Equal(2, unchanged);
        Assert.Equal(3, index.FilesHashed);
        Assert.Equal(ContentHashes.Of([4, 5, 6]), after.Single(f => f.Path == "b.npz").Hash);
    }

    [Fact]
    public async Task Manifest_DeletedFile_DropsOut()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("gone.db"), [1]);
        var index = new FileIndex(new DataPaths(dir.Path));
        await index.ManifestAsync(CancellationToken.None);

        File.Delete(dir.File("gone.db"));

        Assert.Empty(await index.ManifestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Manifest_SymlinksAndOwnFiles_AreNotListed()
    {
        using var dir = new TempDir();
        using var outside = new TempDir();
        File.WriteAllBytes(outside.File("x.db"), [1]);
        File.CreateSymbolicLink(dir.File("link.db"), outside.File("x.db"));
        File.WriteAllBytes(dir.File("n_state.db"), [2]);
        Directory.CreateDirectory(dir.File(DataPaths.PartialDir));
        File.WriteAllBytes(Path.Combine(dir.File(DataPaths.PartialDir), "p.part"), [3]);

        Assert.Empty(await new FileIndex(new DataPaths(dir.Path)).ManifestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("games/sq8.db", "game_db")]
    [InlineData("training/sq8.npz", "training_npz")]
    [InlineData("models/sq8_g3.bin", "model")]
    [InlineData("checkpoints/best.pth", "model")]
    [InlineData("logs/run.txt", "other")]
    public void Kind_ByLocationAndExtension(string path, string kind) => Assert.Equal(kind, FileKinds.Of(path));
}
