using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>Manifests built by deltas equal manifests built whole, and the digest ignores order.</summary>
public sealed class ManifestLaws
{
    private static readonly Arbitrary<int> Shuffles = Gen.Choose(0, 10_000).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Digest_IsOrderIndependent() => Prop.ForAll(SyncScenario.Any, Shuffles, (s, shuffle) =>
    {
        var entries = s.Nodes[0].Manifest.Entries.ToList();
        var shuffled = SyncScenario.Shuffle(entries, new Prng((ulong)shuffle));
        var added = shuffled.Aggregate(ManifestDigest.Empty, (digest, entry) => digest.Add(entry));
        return Manifest.Create(s.Nodes[0].Node, 0, shuffled).Digest == s.Nodes[0].Manifest.Digest && added == s.Nodes[0].Manifest.Digest;
    });

    /// <summary>
    /// Turning one manifest into another by deltas of at most <see cref="ManifestDelta.ChangesMax"/>
    /// changes, in any order, each sent through the codec, ends equal to the other built whole:
    /// same entries, digest and total, one version per delta.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Deltas_RoundTripToTheWholeManifest() => Prop.ForAll(SyncScenario.Any, Shuffles, (s, shuffle) =>
    {
        var from = s.Nodes[0].Manifest;
        var to = Manifest.Create(from.Node, 0, s.Nodes[1].Manifest.Entries);
        var wanted = to.Entries.ToDictionary(e => e.Path);
        var changes = from.Entries.Where(e => !wanted.ContainsKey(e.Path)).Select(e => ManifestChange.Remove(e.Path))
            .Concat(to.Entries.Select(ManifestChange.Put)).ToList();
        changes = SyncScenario.Shuffle(changes, new Prng((ulong)shuffle));
        var manifest = from;
        var deltas = 0;
        for (var at = 0; at < changes.Count; at += 7, deltas++)
        {
            var delta = new ManifestDelta(from.Node, manifest.Version, [.. changes.Skip(at).Take(7)]);
            var writer = new WireWriter();
            delta.Write(writer);
            var reader = new WireReader(writer.Written);
            if (manifest.TryApply(ManifestDelta.Read(ref reader), out manifest) != ManifestApplyResult.Applied) return false;
        }
        return manifest.Entries.SequenceEqual(to.Entries) && manifest.Digest == to.Digest && manifest.TotalSize == to.TotalSize &&
            manifest.Version == from.Version + deltas;
    });

    /// <summary>A delta applied twice is refused as stale the second time, and leaves the manifest as the first left it.</summary>
    [Property(MaxTest = 200)]
    public Property Delta_ReplayedIsStale() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var manifest = s.Nodes[0].Manifest;
        var delta = new ManifestDelta(manifest.Node, manifest.Version, [.. s.Nodes[1].Manifest.Entries.Take(10).Select(ManifestChange.Put)]);
        manifest.TryApply(delta, out var once);
        return once.TryApply(delta, out var twice) == ManifestApplyResult.Stale && ReferenceEquals(once, twice);
    });
}
