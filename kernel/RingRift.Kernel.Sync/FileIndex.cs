using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The planner's inverted manifest: every distinct (path, hash) in the cluster with the nodes holding
/// it, in node-id order. Files are numbered in the order they are first met walking nodes by id and
/// each manifest by path, so the numbering is a function of the snapshot alone. Paths are numbered
/// too, because two versions of one path must never be written to one node at once. Holders live in flat
/// arrays as linked lists (no per-file allocation). Built once per plan, read only afterwards.
/// </summary>
internal sealed class FileIndex
{
    private readonly Dictionary<FileKey, int> _byKey;
    private readonly Dictionary<string, int> _paths = new(System.StringComparer.Ordinal);
    private readonly int[] _pathOf;
    private readonly ManifestEntry[] _entries;
    private readonly int[] _firstHolder;
    private readonly int[] _lastHolder;
    private readonly int[] _holderNode;
    private readonly int[] _holderNext;
    private int _holders;

    private FileIndex(int capacity)
    {
        _byKey = new Dictionary<FileKey, int>(capacity, FileKeyComparer.Instance);
        _entries = new ManifestEntry[capacity];
        _pathOf = new int[capacity];
        _firstHolder = new int[capacity];
        _lastHolder = new int[capacity];
        _holderNode = new int[capacity];
        _holderNext = new int[capacity];
    }

    public int Count { get; private set; }

    public static FileIndex Build(ClusterSnapshot snapshot)
    {
        var total = 0L;
        foreach (var node in snapshot.Nodes) total += node.Manifest.Count;
        Invariant.True(total <= int.MaxValue / 2);
        var index = new FileIndex((int)total);
        for (var n = 0; n < snapshot.Nodes.Length; n++)
        {
            var entries = snapshot.Nodes[n].Manifest.Entries;
            for (var e = 0; e < entries.Length; e++) index.AddHolder(entries[e], n);
        }
        return index;
    }

    public ManifestEntry Entry(int file) => _entries[file];

    /// <summary>The number of the path of <paramref name="file"/>: versions of one path share it.</summary>
    public int PathOf(int file) => _pathOf[file];

    /// <summary>The number of <paramref name="path"/>, or -1 when no node holds any version of it.</summary>
    public int PathId(string path) => _paths.TryGetValue(path, out var id) ? id : -1;

    /// <summary>The file numbered for (path, hash), or -1 when no node holds it.</summary>
    public int Find(string path, ContentHash hash) => _byKey.TryGetValue(new FileKey(path, hash), out var file) ? file : -1;

    /// <summary>The first holder link of <paramref name="file"/>; follow with <see cref="NextHolder"/> until -1.</summary>
    public int FirstHolder(int file) => _firstHolder[file];

    public int NextHolder(int link) => _holderNext[link];

    public int HolderNode(int link) => _holderNode[link];

    public bool IsHeldBy(int file, int node)
    {
        for (var link = _firstHolder[file]; link >= 0; link = _holderNext[link])
            if (_holderNode[link] == node) return true;
        return false;
    }

    private void AddHolder(ManifestEntry entry, int node)
    {
        var link = _holders++;
        _holderNode[link] = node;
        _holderNext[link] = -1;
        var key = new FileKey(entry.Path, entry.Hash);
        if (_byKey.TryGetValue(key, out var file))
        {
            _holderNext[_lastHolder[file]] = link;
            _lastHolder[file] = link;
            return;
        }
        file = Count++;
        _byKey.Add(key, file);
        _entries[file] = entry;
        if (!_paths.TryGetValue(entry.Path, out var pathId)) _paths.Add(entry.Path, pathId = _paths.Count);
        _pathOf[file] = pathId;
        _firstHolder[file] = link;
        _lastHolder[file] = link;
    }
}
