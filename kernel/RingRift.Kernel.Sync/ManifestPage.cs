using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// One page of a whole manifest sent on demand (gossip carries only the digest): the entries after
/// path <see cref="After"/> (null for the first page), strictly ascending, at most
/// <see cref="EntriesMax"/> of them, with the version and digest of the manifest they come from and
/// whether this is the <see cref="Last"/> page. A receiver keeps the pages of one version and accepts
/// the result only if its digest matches (<see cref="Assemble"/>); anything else is asked for again.
/// </summary>
public sealed record ManifestPage(
    NodeId Node, long Version, ManifestDigest Digest, string? After, ImmutableArray<ManifestEntry> Entries, bool Last)
{
    /// <summary>Like a delta, a page fits 60 KiB.</summary>
    public const int EntriesMax = ManifestDelta.ChangesMax;

    /// <summary>Node id, version, digest, the optional after-path, the count, the entries, the last flag.</summary>
    public const int EncodedBytesMax = 2 + WireLimits.NodeIdBytesMax + SyncWire.VarIntBytesMax + ManifestDigest.EncodedBytesMax +
        1 + 2 + SyncWire.PathBytesMax + 2 + EntriesMax * ManifestEntry.EncodedBytesMax + 1;

    /// <summary>The page of <paramref name="manifest"/> that follows <paramref name="after"/>.</summary>
    public static ManifestPage Of(Manifest manifest, string? after)
    {
        var entries = manifest.Entries;
        var start = 0;
        if (after is not null)
            while (start < entries.Length && string.CompareOrdinal(entries[start].Path, after) <= 0) start++;
        var count = System.Math.Min(EntriesMax, entries.Length - start);
        var page = ImmutableArray.CreateBuilder<ManifestEntry>(count);
        for (var i = 0; i < count; i++) page.Add(entries[start + i]);
        return new ManifestPage(manifest.Node, manifest.Version, manifest.Digest, after, page.MoveToImmutable(), start + count == entries.Length);
    }

    /// <summary>
    /// The manifest the pages describe, or null unless they are one version's pages in order, each
    /// starting after the previous one's last path, ending with the last page, and their entries
    /// reproduce the digest they carry.
    /// </summary>
    public static Manifest? Assemble(IReadOnlyList<ManifestPage> pages)
    {
        if (pages.Count == 0 || !pages[pages.Count - 1].Last) return null;
        var first = pages[0];
        var entries = new List<ManifestEntry>();
        string? previous = null;
        foreach (var page in pages)
        {
            if (page.Node != first.Node || page.Version != first.Version || page.Digest != first.Digest) return null;
            if (page.After != previous) return null;
            foreach (var entry in page.Entries)
            {
                if (previous is not null && string.CompareOrdinal(previous, entry.Path) >= 0) return null;
                entries.Add(entry);
                previous = entry.Path;
            }
            if (page.Last && !ReferenceEquals(page, pages[pages.Count - 1])) return null;
        }
        if (entries.Count > Manifest.EntriesMax) return null;
        var manifest = Manifest.Create(first.Node, first.Version, entries);
        return manifest.Digest == first.Digest ? manifest : null;
    }

    public void Write(WireWriter writer)
    {
        Invariant.True(Version >= 0 && Entries.Length <= EntriesMax);
        writer.WriteNodeId(Node);
        writer.WriteVarInt64(Version);
        Digest.Write(writer);
        writer.WriteBool(After is not null);
        if (After is not null) SyncWire.WritePath(writer, After);
        writer.WriteVarUInt64((ulong)Entries.Length);
        foreach (var entry in Entries) entry.Write(writer);
        writer.WriteBool(Last);
    }

    /// <summary>Rejects entries that are not strictly ascending, or not after <see cref="After"/>, as malformed.</summary>
    public static ManifestPage Read(ref WireReader reader)
    {
        var node = reader.ReadNodeId();
        var version = SyncWire.ReadCount(ref reader, "manifest version");
        var digest = ManifestDigest.Read(ref reader);
        var after = reader.ReadBool() ? SyncWire.ReadPath(ref reader) : null;
        var count = reader.ReadBoundedInt(EntriesMax);
        var entries = ImmutableArray.CreateBuilder<ManifestEntry>(count);
        var previous = after;
        for (var i = 0; i < count; i++)
        {
            var entry = ManifestEntry.Read(ref reader);
            if (previous is not null && string.CompareOrdinal(previous, entry.Path) >= 0)
                throw new MalformedMessageException("manifest page entry '" + entry.Path + "' is not after '" + previous + "'");
            entries.Add(entry);
            previous = entry.Path;
        }
        return new ManifestPage(node, version, digest, after, entries.MoveToImmutable(), reader.ReadBool());
    }
}
