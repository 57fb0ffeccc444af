using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>Completes a plan's transfers the way a host would: each target's manifest gets the file, through a delta.</summary>
internal static class SyncSettle
{
    public static List<NodeSnapshot> Complete(List<NodeSnapshot> nodes, ImmutableArray<Transfer> transfers)
    {
        var arrived = transfers.GroupBy(t => t.Target).ToDictionary(g => g.Key, g => g.Select(t => (t.Path, t.Hash, t.FileSize)).Distinct().ToList());
        return nodes.Select(n =>
        {
            if (!arrived.TryGetValue(n.Node, out var files)) return n;
            var changes = files.Select(f => ManifestChange.Put(Entry(nodes, f.Path, f.Hash))).ToImmutableArray();
            Assert(n.Manifest.TryApply(new ManifestDelta(n.Node, n.Manifest.Version, changes), out var next) == ManifestApplyResult.Applied);
            return n with { Manifest = next };
        }).ToList();
    }

    private static ManifestEntry Entry(List<NodeSnapshot> nodes, string path, ContentHash hash) =>
        nodes.SelectMany(n => n.Manifest.Entries).First(e => e.Path == path && e.Hash == hash);

    private static void Assert(bool condition) => Xunit.Assert.True(condition);
}
