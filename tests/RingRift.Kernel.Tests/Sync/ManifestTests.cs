using System.Linq;
using System.Collections.Immutable;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

public sealed class ManifestTests
{
    private static readonly NodeId W1 = new("w1");

    private static ManifestDelta Delta(long baseVersion, params ManifestChange[] changes) => new(W1, baseVersion, [.. changes]);

    [Fact]
    public void Empty_HasVersionZeroAndEmptyDigest()
    {
        var manifest = Manifest.Empty(W1);
        Assert.Equal(0, manifest.Version);
        Assert.Equal(ManifestDigest.Empty, manifest.Digest);
        Assert.Equal(0UL, manifest.Digest.GossipValue);
        Assert.Equal(ByteSize.Zero, manifest.TotalSize);
    }

    [Fact]
    public void TryApply_Puts_SortsByPathAndCountsSize()
    {
        var result = Manifest.Empty(W1).TryApply(Delta(0, ManifestChange.Put(Game(2, 300)), ManifestChange.Put(Game(1, 200))), out var next);
        Assert.Equal(ManifestApplyResult.Applied, result);
        Assert.Equal(1, next.Version);
        Assert.Equal(["games/square8_2p/g00001.db", "games/square8_2p/g00002.db"], next.Entries.Select(e => e.Path));
        Assert.Equal(new ByteSize(500), next.TotalSize);
        Assert.Equal(2, next.Digest.Count);
        Assert.Equal(ManifestDigest.Empty.Add(Game(1, 200)).Add(Game(2, 300)), next.Digest);
    }

    [Fact]
    public void TryApply_PutOnExistingPath_ReplacesEntryAndDigest()
    {
        var start = Manifest.Create(W1, 4, [Game(1, 200), Game(2, 300)]);
        Assert.Equal(ManifestApplyResult.Applied, start.TryApply(Delta(4, ManifestChange.Put(Game(1, 250, version: 2))), out var next));
        Assert.Equal(5, next.Version);
        Assert.True(next.Holds(Game(1).Path, Hash(1, 2)));
        Assert.False(next.Holds(Game(1).Path, Hash(1, 1)));
        Assert.Equal(new ByteSize(550), next.TotalSize);
        Assert.Equal(Manifest.Create(W1, 0, [Game(1, 250, version: 2), Game(2, 300)]).Digest, next.Digest);
    }

    [Fact]
    public void TryApply_Remove_DropsEntryAndRemovingAbsentPathIsNoOp()
    {
        var start = Manifest.Create(W1, 0, [Game(1, 200), Game(2, 300)]);
        start.TryApply(Delta(0, ManifestChange.Remove(Game(1).Path), ManifestChange.Remove("games/none.db")), out var next);
        Assert.Equal([Game(2, 300)], next.Entries.ToArray());
        Assert.Equal(new ByteSize(300), next.TotalSize);
        Assert.Equal(Manifest.Create(W1, 0, [Game(2, 300)]).Digest, next.Digest);
    }

    [Fact]
    public void TryApply_SamePathTwice_LastChangeWins()
    {
        var path = Game(1).Path;
        Manifest.Empty(W1).TryApply(Delta(0, ManifestChange.Put(Game(1)), ManifestChange.Remove(path)), out var removed);
        Assert.Empty(removed.Entries);
        Manifest.Empty(W1).TryApply(Delta(0, ManifestChange.Remove(path), ManifestChange.Put(Game(1, 7))), out var put);
        Assert.Equal([Game(1, 7)], put.Entries.ToArray());
    }

    [Fact]
    public void TryApply_OlderBase_IsStaleAndChangesNothing()
    {
        var start = Manifest.Create(W1, 3, [Game(1)]);
        Assert.Equal(ManifestApplyResult.Stale, start.TryApply(Delta(2, ManifestChange.Remove(Game(1).Path)), out var next));
        Assert.Same(start, next);
    }

    [Fact]
    public void TryApply_NewerBase_IsGap()
    {
        var start = Manifest.Create(W1, 3, [Game(1)]);
        Assert.Equal(ManifestApplyResult.Gap, start.TryApply(Delta(4, ManifestChange.Put(Game(2))), out var next));
        Assert.Same(start, next);
    }

    [Fact]
    public void Digest_RemoveUndoesAdd()
    {
        var digest = ManifestDigest.Empty.Add(Game(1)).Add(Model(2));
        Assert.Equal(ManifestDigest.Empty.Add(Model(2)), digest.Remove(Game(1)));
        Assert.Equal(ManifestDigest.Empty, digest.Remove(Game(1)).Remove(Model(2)));
    }

    [Fact]
    public void Digest_ChangesWithEveryField()
    {
        var entry = Game(1, 100);
        var digest = ManifestDigest.Empty.Add(entry);
        Assert.NotEqual(digest, ManifestDigest.Empty.Add(entry with { Path = "games/other.db" }));
        Assert.NotEqual(digest, ManifestDigest.Empty.Add(entry with { Kind = FileKind.TrainingNpz }));
        Assert.NotEqual(digest, ManifestDigest.Empty.Add(entry with { ConfigKey = "hex8_2p" }));
        Assert.NotEqual(digest, ManifestDigest.Empty.Add(entry with { Size = new ByteSize(101) }));
        Assert.NotEqual(digest, ManifestDigest.Empty.Add(entry with { Hash = Hash(1, 2) }));
        Assert.NotEqual(digest.GossipValue, ManifestDigest.Empty.Add(entry with { Hash = Hash(1, 2) }).GossipValue);
    }

    [Fact]
    public void Holds_NeedsPathAndHash()
    {
        var manifest = Manifest.Create(W1, 0, [Game(1), Game(3)]);
        Assert.True(manifest.Holds(Game(3).Path, Hash(3)));
        Assert.False(manifest.Holds(Game(3).Path, Hash(3, 2)));
        Assert.False(manifest.Holds(Game(2).Path, Hash(2)));
    }

    [Fact]
    public void Validate_NamesEveryProblem()
    {
        var entry = new ManifestEntry("../etc/passwd", (FileKind)9, new string('k', 33), new ByteSize(-1), Hash(1));
        Assert.Equal(
            [
                "path '../etc/passwd' has a '.' or '..' segment",
                "file '../etc/passwd': unknown kind 9",
                "file '../etc/passwd': config key is longer than 32 bytes",
                "file '../etc/passwd': size must be within 0..10000000000000 bytes (got -1)",
            ],
            entry.Validate());
    }

    [Theory]
    [InlineData("games/a.db", null)]
    [InlineData("a", null)]
    [InlineData("..a/b.c", null)]
    [InlineData("", "path must be 1 to 512 bytes (got 0)")]
    [InlineData("/abs", "path '/abs' has an empty segment")]
    [InlineData("a//b", "path 'a//b' has an empty segment")]
    [InlineData("a/", "path 'a/' has an empty segment")]
    [InlineData("a/./b", "path 'a/./b' has a '.' or '..' segment")]
    [InlineData("a/..", "path 'a/..' has a '.' or '..' segment")]
    [InlineData("a\\b", "path 'a\\b' contains a backslash or NUL")]
    public void PathProblem_AcceptsOnlyRelativePathsInsideTheDataDirectory(string path, string? problem) =>
        Assert.Equal(problem, SyncWire.PathProblem(path));
}
