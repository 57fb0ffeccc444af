using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

public sealed class ManifestPageTests
{
    private static readonly NodeId W1 = new("w1");

    private static List<ManifestPage> Pages(Manifest manifest)
    {
        var pages = new List<ManifestPage>();
        string? after = null;
        do
        {
            var page = ManifestPage.Of(manifest, after);
            var writer = new WireWriter();
            page.Write(writer);
            var reader = new WireReader(writer.Written);
            pages.Add(ManifestPage.Read(ref reader));
            after = page.Entries.IsEmpty ? after : page.Entries[^1].Path;
        }
        while (!pages[^1].Last);
        return pages;
    }

    [Fact]
    public void Pages_OfAManifestOf250Entries_AreThreeAndAssembleToIt()
    {
        var manifest = Manifest.Create(W1, 7, Enumerable.Range(0, 250).Select(i => Game(i)));
        var pages = Pages(manifest);
        Assert.Equal([100, 100, 50], pages.Select(p => p.Entries.Length));
        Assert.Equal([false, false, true], pages.Select(p => p.Last));
        var assembled = ManifestPage.Assemble(pages)!;
        Assert.Equal(manifest.Entries.ToArray(), assembled.Entries.ToArray());
        Assert.Equal(7, assembled.Version);
        Assert.Equal(manifest.Digest, assembled.Digest);
    }

    [Fact]
    public void EncodedBytesMax_FitsSixtyKilobytes() => Assert.True(ManifestPage.EncodedBytesMax <= 60 * 1024, ManifestPage.EncodedBytesMax.ToString());

    [Fact]
    public void Assemble_MissingOrForeignPage_IsNull()
    {
        var manifest = Manifest.Create(W1, 7, Enumerable.Range(0, 250).Select(i => Game(i)));
        var pages = Pages(manifest);
        Assert.Null(ManifestPage.Assemble([pages[0], pages[2]]));
        var other = Pages(Manifest.Create(W1, 8, Enumerable.Range(0, 250).Select(i => Game(i, version: 2))));
        Assert.Null(ManifestPage.Assemble([pages[0], other[1], pages[2]]));
        Assert.Null(ManifestPage.Assemble([pages[0], pages[1]]));
    }

    [Fact]
    public void Assemble_EntriesThatDoNotMatchTheDigest_IsNull()
    {
        var page = ManifestPage.Of(Manifest.Create(W1, 1, [Game(1)]), null);
        Assert.Null(ManifestPage.Assemble([page with { Entries = [Game(1, 999)] }]));
    }

    [Fact]
    public void Read_EntriesOutOfOrder_IsRejected()
    {
        var page = new ManifestPage(W1, 1, ManifestDigest.Empty, null, [Game(2), Game(1)], true);
        var writer = new WireWriter();
        page.Write(writer);
        var error = Assert.Throws<MalformedMessageException>(() =>
        {
            var reader = new WireReader(writer.Written);
            ManifestPage.Read(ref reader);
        });
        Assert.Equal("manifest page entry 'games/square8_2p/g00001.db' is not after 'games/square8_2p/g00002.db'", error.Message);
    }

    [Property(MaxTest = 200)]
    public Property Pages_RoundTripAnyManifest() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var manifest = s.Nodes[0].Manifest;
        var assembled = ManifestPage.Assemble(Pages(manifest));
        return assembled is not null && assembled.Entries.SequenceEqual(manifest.Entries) && assembled.Digest == manifest.Digest;
    });
}
