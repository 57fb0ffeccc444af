using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The files one node holds, immutable: entries sorted by path (ordinal, unique), a version that
/// counts the deltas applied, the digest and the total size, both kept up to date per change rather
/// than recomputed. A new version comes only from <see cref="TryApply"/> (or a whole manifest received
/// with <see cref="Create"/>), so a node's history is a sequence of deltas, never a rescan.
/// </summary>
public sealed class Manifest
{
    /// <summary>The most entries one manifest holds (a worker keeps thousands, the canonical store hundreds of thousands).</summary>
    public const int EntriesMax = 4_000_000;

    private Manifest(NodeId node, long version, ImmutableArray<ManifestEntry> entries, ManifestDigest digest, ByteSize totalSize)
    {
        Node = node;
        Version = version;
        Entries = entries;
        Digest = digest;
        TotalSize = totalSize;
    }

    public NodeId Node { get; }

    /// <summary>How many deltas this manifest is the result of; 0 for an empty one.</summary>
    public long Version { get; }

    /// <summary>Sorted by path (ordinal), one entry per path.</summary>
    public ImmutableArray<ManifestEntry> Entries { get; }

    public ManifestDigest Digest { get; }

    public ByteSize TotalSize { get; }

    public int Count => Entries.Length;

    public static Manifest Empty(NodeId node) => new(node, 0, ImmutableArray<ManifestEntry>.Empty, ManifestDigest.Empty, ByteSize.Zero);

    /// <summary>A whole manifest, e.g. one received on demand; entries in any order, each path once.</summary>
    public static Manifest Create(NodeId node, long version, IEnumerable<ManifestEntry> entries)
    {
        Invariant.True(version >= 0);
        var sorted = ImmutableArray.CreateRange(entries).Sort(PathOrder.Instance);
        Invariant.True(sorted.Length <= EntriesMax);
        var digest = ManifestDigest.Empty;
        var total = ByteSize.Zero;
        for (var i = 0; i < sorted.Length; i++)
        {
            Invariant.True(i == 0 || string.CompareOrdinal(sorted[i - 1].Path, sorted[i].Path) < 0);
            digest = digest.Add(sorted[i]);
            total += sorted[i].Size;
        }
        return new Manifest(node, version, sorted, digest, total);
    }

    /// <summary>The entry at <paramref name="path"/>, by binary search.</summary>
    public bool TryGet(string path, out ManifestEntry entry)
    {
        var index = IndexOf(path);
        entry = index >= 0 ? Entries[index] : null!;
        return index >= 0;
    }

    /// <summary>True when this node holds exactly <paramref name="path"/> with <paramref name="hash"/>.</summary>
    public bool Holds(string path, ContentHash hash) => TryGet(path, out var entry) && entry.Hash == hash;

    /// <summary>
    /// Applies <paramref name="delta"/> when it continues this version exactly; otherwise says why not
    /// and leaves <paramref name="next"/> as this manifest. Cost O(n + k log k) for k changes.
    /// </summary>
    public ManifestApplyResult TryApply(ManifestDelta delta, out Manifest next)
    {
        Invariant.True(delta.Node == Node);
        next = this;
        if (delta.BaseVersion < Version) return ManifestApplyResult.Stale;
        if (delta.BaseVersion > Version) return ManifestApplyResult.Gap;
        var changes = LastChangePerPath(delta.Changes);
        var merged = ImmutableArray.CreateBuilder<ManifestEntry>(Math.Min(EntriesMax + 1, Entries.Length + changes.Length));
        var digest = Digest;
        var total = TotalSize;
        var i = 0;
        foreach (var change in changes)
        {
            while (i < Entries.Length && string.CompareOrdinal(Entries[i].Path, change.Path) < 0) merged.Add(Entries[i++]);
            if (i < Entries.Length && Entries[i].Path == change.Path)
            {
                digest = digest.Remove(Entries[i]);
                total -= Entries[i].Size;
                i++;
            }
            if (change.Entry is not { } entry) continue;
            merged.Add(entry);
            digest = digest.Add(entry);
            total += entry.Size;
        }
        while (i < Entries.Length) merged.Add(Entries[i++]);
        if (merged.Count > EntriesMax) return ManifestApplyResult.TooLarge;
        next = new Manifest(Node, Version + 1, merged.DrainToImmutable(), digest, total);
        return ManifestApplyResult.Applied;
    }

    private int IndexOf(string path)
    {
        int low = 0, high = Entries.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(Entries[mid].Path, path);
            if (order == 0) return mid;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return -1;
    }

    /// <summary>The changes sorted by path, keeping only the last change to each path (changes apply in order).</summary>
    private static ManifestChange[] LastChangePerPath(ImmutableArray<ManifestChange> changes)
    {
        var indexed = new (ManifestChange Change, int Index)[changes.Length];
        for (var i = 0; i < changes.Length; i++) indexed[i] = (changes[i], i);
        Array.Sort(indexed, static (a, b) =>
        {
            var order = string.CompareOrdinal(a.Change.Path, b.Change.Path);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        });
        var kept = new List<ManifestChange>(indexed.Length);
        for (var i = 0; i < indexed.Length; i++)
            if (i + 1 == indexed.Length || indexed[i + 1].Change.Path != indexed[i].Change.Path) kept.Add(indexed[i].Change);
        return kept.ToArray();
    }

    private sealed class PathOrder : IComparer<ManifestEntry>
    {
        public static readonly PathOrder Instance = new();

        public int Compare(ManifestEntry? x, ManifestEntry? y) => string.CompareOrdinal(x!.Path, y!.Path);
    }
}
