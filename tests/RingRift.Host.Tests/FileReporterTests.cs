using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Sync;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>What the host tells the kernel about its data directory: the whole disk first, then only what changed.</summary>
public sealed class FileReporterTests
{
    [Fact]
    public async Task FirstReport_IsTheWholeDiskOfSyncableFilesWithKindAndConfig()
    {
        using var dir = new TempDir();
        Write(dir, "games/square8_2p/x.db", [1, 2, 3]);
        Write(dir, "models/hex8_2p/g1.pth", [4]);
        Write(dir, "notes.txt", [5]);
        Write(dir, "a_state.db", [6]);
        var (reporter, posted) = Reporter(dir);

        await reporter.ReportAsync(CancellationToken.None);

        var report = Assert.Single(posted);
        Assert.True(report.WholeDisk);
        Assert.True(report.DiskTotal.Bytes > 0);
        Assert.Equal(["games/square8_2p/x.db", "models/hex8_2p/g1.pth"], report.Changed.Select(f => f.Path).Order(StringComparer.Ordinal));
        var game = report.Changed.Single(f => f.Path.StartsWith("games/", StringComparison.Ordinal));
        Assert.Equal(new StoredFile("games/square8_2p/x.db", 1, "square8_2p", new ByteSize(3), ContentHashes.Of([1, 2, 3])), game);
        Assert.Equal(3, report.Changed.Single(f => f.Path.StartsWith("models/", StringComparison.Ordinal)).Kind);
    }

    [Fact]
    public async Task LaterReports_CarryOnlyChangedAndRemovedFiles()
    {
        using var dir = new TempDir();
        Write(dir, "games/a.db", [1]);
        Write(dir, "games/b.db", [2]);
        var (reporter, posted) = Reporter(dir);
        await reporter.ReportAsync(CancellationToken.None);

        File.Delete(dir.File("games/a.db"));
        Write(dir, "games/c.db", [3]);
        await reporter.ReportAsync(CancellationToken.None);

        var delta = posted[^1];
        Assert.False(delta.WholeDisk);
        Assert.Equal(["games/c.db"], delta.Changed.Select(f => f.Path));
        Assert.Equal(["games/a.db"], delta.Removed.ToArray());
    }

    [Fact]
    public async Task RefusedReport_IsCarriedByTheNextOne()
    {
        using var dir = new TempDir();
        Write(dir, "games/a.db", [1]);
        var accept = false;
        var posted = new List<FilesObserved>();
        var reporter = new FileReporter(new FileIndex(new DataPaths(dir.Path)), input =>
        {
            if (accept) posted.Add((FilesObserved)input);
            return accept;
        }, TimeSpan.FromMinutes(1));

        await reporter.ReportAsync(CancellationToken.None);
        accept = true;
        await reporter.ReportAsync(CancellationToken.None);

        var report = Assert.Single(posted);
        Assert.True(report.WholeDisk);
        Assert.Equal(["games/a.db"], report.Changed.Select(f => f.Path));
    }

    private static (FileReporter, List<FilesObserved>) Reporter(TempDir dir)
    {
        var posted = new List<FilesObserved>();
        var reporter = new FileReporter(new FileIndex(new DataPaths(dir.Path)), input =>
        {
            posted.Add((FilesObserved)input);
            return true;
        }, TimeSpan.FromMinutes(1));
        return (reporter, posted);
    }

    private static void Write(TempDir dir, string relative, byte[] bytes)
    {
        var path = dir.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
