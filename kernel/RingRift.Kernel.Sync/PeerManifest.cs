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

    /// <summary>How many versions back a status is still recognised as overtaken rather than another history.</summary>
    public const int PassedMax = 64;

    private readonly Dictionary<long, ManifestDelta> _early = new();
    private readonly Dictionary<string, ManifestPage> _pages = new(System.StringComparer.Ordinal);
    private readonly Queue<(long Version, ManifestDigest Digest)> _passed = new();

    public Manifest Known { get; private set; } = Manifest.Empty(node);
    public bool HasStatus { get; set; }
    public ByteSize DiskTotal { get; set; }
    public ByteSize DiskFree { get; set; }

    /// <summary>When the last status (the disk figures) arrived.</summary>
    public Instant StatusAt { get; set; }

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
            Pass(next);
            changed = true;
            if (!_early.Remove(Known.Version, out delta!)) break;
        }
        return changed;
    }

    /// <summary>
    /// True when a status with <paramref name="version"/> and <paramref name="digest"/> describes a version
    /// this copy already passed through: it was overtaken by later deltas (messages reorder), not another history.
    /// </summary>
    public bool Passed(long version, ManifestDigest digest)
    {
        if (version >= Known.Version) return false;
        foreach (var (passed, passedDigest) in _passed)
            if (passed == version) return passedDigest == digest;
        return false;
    }

    /// <summary>
    /// Takes a whole manifest received in pages: held deltas it already contains are dropped, those that
    /// continue it (they overtook its last page) apply now. The versions passed before it are forgotten.
    /// </summary>
    public void Adopt(Manifest whole)
    {
        var contained = new List<long>();
        foreach (var baseVersion in _early.Keys)
            if (baseVersion < whole.Version) contained.Add(baseVersion);
        foreach (var baseVersion in contained) _early.Remove(baseVersion);
        _passed.Clear();
        Known = whole;
        if (_early.Remove(whole.Version, out var next)) Apply(next);
    }

    private void Pass(Manifest next)
    {
        _passed.Enqueue((Known.Version, Known.Digest));
        while (_passed.Count > PassedMax) _passed.Dequeue();
        Known = next;
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
        return ManifestPage.Assemble(chain);
    }

    /// <summary>How many pages are held: the leader asks for the next batch when a batch is in.</summary>
    public int PagesHeld => _pages.Count;

    public void Reset(NodeId node)
    {
        Known = Manifest.Empty(node);
        _early.Clear();
        _pages.Clear();
        _passed.Clear();
    }
}
