using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The host's side of source cleanup: a game database is deleted only when its content still has the hash the kernel named.</summary>
public sealed class FileDeleterTests
{
    private static (FileDeleter Deleter, FileIndex Index, ConcurrentQueue<EffectCompleted> Done) Deleter(TempDir dir)
    {
        var index = new FileIndex(new DataPaths(dir.Path));
        var done = new ConcurrentQueue<EffectCompleted>();
        return (new FileDeleter(index, done.Enqueue), index, done);
    }

    [Fact]
    public async Task GameWithTheNamedHash_IsDeletedAndDropsOutOfTheIndex()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("games"));
        File.WriteAllBytes(dir.File("games/g1.db"), [1, 2, 3]);
        var (deleter, index, _) = Deleter(dir);
        await index.ManifestAsync(CancellationToken.None);

        Assert.True(await deleter.TryDeleteAsync("games/g1.db", ContentHashes.Of([1, 2, 3]), CancellationToken.None));

        Assert.False(File.Exists(dir.File("games/g1.db")));
        Assert.Empty(await index.ManifestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ContentChangedSinceTheOrder_IsKept()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("g1.db"), [9, 9]);
        var (deleter, _, _) = Deleter(dir);

        Assert.False(await deleter.TryDeleteAsync("g1.db", ContentHashes.Of([1, 2, 3]), CancellationToken.None));
        Assert.True(File.Exists(dir.File("g1.db")));
    }

    [Fact]
    public async Task ModelsAbsentFilesAndPathsOutsideTheDataDirectory_AreNeverDeleted()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("models"));
        File.WriteAllBytes(dir.File("models/m.pth"), [1]);
        var (deleter, _, _) = Deleter(dir);

        Assert.False(await deleter.TryDeleteAsync("models/m.pth", ContentHashes.Of([1]), CancellationToken.None));
        Assert.False(await deleter.TryDeleteAsync("absent.db", ContentHashes.Of([1]), CancellationToken.None));
        Assert.False(await deleter.TryDeleteAsync("../outside.db", ContentHashes.Of([1]), CancellationToken.None));
        Assert.True(File.Exists(dir.File("models/m.pth")));
    }

    [Fact]
    public async Task DeleteEffect_CompletesOnceWithWhetherItDeleted()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("g1.db"), [1]);
        var (deleter, _, done) = Deleter(dir);

        deleter.Delete(new DeleteFile(new EffectId(7), "g1.db", ContentHashes.Of([1])));
        // Completion comes from another task; wait for it, not for a duration.
        for (var i = 0; i < 500 && done.IsEmpty; i++) await Task.Delay(10);

        var completed = Assert.Single(done);
        Assert.Equal((new EffectId(7), (EffectOutcome)new FileDeleted(true)), (completed.EffectId, completed.Outcome));
    }
}
