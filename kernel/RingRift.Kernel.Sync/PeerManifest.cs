using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// What the leader knows of one node's files: its manifest as last rebuilt, its disk, a manifest request
/// in progress, and what arrived out of order (messages overtake each other): deltas waiting for their
/// predecessor, pages of a whole manifest waiting for the ones before them.
/// </summary>
internal sealed class PeerManifest(NodeId node)
{
    /// <summary>Bounds the deltas and pages held out of order.</summary>
    public const int HeldMax = 4096;

    private readonly Dictionary<long, ManifestDelta> _early = new();
    private readonly Dictionary<string, ManifestPage> _pages = new(System.StringComparer.Ordinal);

    public Manifest Known { get; set; } = Manifest.Empty(node);
    public bool HasStatus { get; set; }
    public ByteSize DiskTotal { get; set; }
    public ByteSize DiskFree { get; set; }

    /// <summary>When the last manifest request went out; null when none is outstanding.</summary>
    public Instant? RequestedAt { get; set; }

    /// <summary>Applies the delta and any held ones that now follow; holds it if it is early. True when the manifest changed.</summary>
    public bool Apply(ManifestDelta delta)
    {
        if (delta.BaseVersion > Known.Version)
        {
            if (_early.Count < HeldMax) _early.TryAdd(delta.BaseVersion, delta);
            return false;
        }
        var changed = false;
        while (Known.TryApply(delta, out var next) == ManifestApplyResult.Applied)
        {
            Known = next;
            changed = true;
            if (!_early.Remove(Known.Version, out delta!)) break;
        }
        return changed;
    }

    /// <summary>True when deltas are held that the manifest cannot reach yet.</summary>
    public bool HasGap => _early.Count > 0;

    /// <summary>Holds the page; once the first page, its successors and the last one are all here, returns the whole manifest (or null when they do not add up).</summary>
    public Manifest? AddPage(ManifestPage page, out bool complete)
    {
        complete = false;
        if (_pages.Count < HeldMax) _pages.TryAdd(page.After ?? "", page);
        var chain = new List<ManifestPage>();
        var key = "";
        while (_pages.TryGetValue(key, out var next))
        {
            chain.Add(next);
            if (next.Last || next.Entries.Length == 0) break;
            key = next.Entries[^1].Path;
        }
        if (chain.Count == 0 || !chain[^1].Last) return null;
        complete = true;
        _pages.Clear();
        _early.Clear();
        return ManifestPage.Assemble(chain);
    }

    /// <summary>How many pages are held: the leader asks for the next batch when a batch is in.</summary>
    public int PagesHeld => _pages.Count;

    public void Reset(NodeId node)
    {
        Known = Manifest.Empty(node);
        _early.Clear();
        _pages.Clear();
    }
}
