namespace RingRift.Kernel.Sync;

/// <summary>
/// The planner's inverted manifest: every distinct (path, hash) in the cluster with the nodes holding
/// it, in node-id order. Files are numbered in the order they are first met walking nodes by id and
/// each manifest by path, so the numbering is a function of the snapshot alone. Lookup is an
/// open-addressing table keyed by the content hash (already uniform) and the path's tail, so whole
/// paths are compared only on a hash match and never hashed; holders live in flat arrays as linked
/// lists. No per-file allocation. Built once per plan, read only afterwards.
/// </summary>
internal sealed class FileIndex
{
    private readonly int[] _table;
    private readonly int _mask;
    private readonly ManifestEntry[] _entries;
    private readonly int[] _firstHolder;
    private readonly int[] _lastHolder;
    private readonly int[] _holderNode;
    private readonly int[] _holderNext;
    private int _holders;

    private FileIndex(int capacity)
    {
        var slots = 16;
        while (slots < capacity * 2) slots <<= 1;
        _table = new int[slots];
        _mask = slots - 1;
        _entries = new ManifestEntry[capacity];
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
        Invariant.True(total <= 1L << 28);
        var index = new FileIndex((int)total);
        for (var n = 0; n < snapshot.Nodes.Length; n++)
        {
            var entries = snapshot.Nodes[n].Manifest.Entries;
            for (var e = 0; e < entries.Length; e++) index.AddHolder(entries[e], n);
        }
        return index;
    }

    public ManifestEntry Entry(int file) => _entries[file];

    /// <summary>The file numbered for (path, hash), or -1 when no node holds it.</summary>
    public int Find(string path, ContentHash hash)
    {
        for (var slot = Slot(path, hash); ; slot = (slot + 1) & _mask)
        {
            var file = _table[slot] - 1;
            if (file < 0) return -1;
            var entry = _entries[file];
            if (entry.Hash == hash && string.Equals(entry.Path, path, System.StringComparison.Ordinal)) return file;
        }
    }

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
        var slot = Slot(entry.Path, entry.Hash);
        for (; _table[slot] != 0; slot = (slot + 1) & _mask)
        {
            var file = _table[slot] - 1;
            var known = _entries[file];
            if (known.Hash != entry.Hash || !string.Equals(known.Path, entry.Path, System.StringComparison.Ordinal)) continue;
            _holderNext[_lastHolder[file]] = link;
            _lastHolder[file] = link;
            return;
        }
        var added = Count++;
        _table[slot] = added + 1;
        _entries[added] = entry;
        _firstHolder[added] = link;
        _lastHolder[added] = link;
    }

    /// <summary>
    /// The content hash mixed with the path's length and last eight characters: copies of identical
    /// content (empty databases) under different names still spread over the table.
    /// </summary>
    private int Slot(string path, ContentHash hash)
    {
        unchecked
        {
            var mixed = hash.Low ^ (hash.High * 0x9E3779B97F4A7C15UL) ^ ((ulong)path.Length << 40);
            var start = path.Length > 8 ? path.Length - 8 : 0;
            for (var i = start; i < path.Length; i++) mixed = (mixed ^ path[i]) * 0x100000001B3UL;
            mixed ^= mixed >> 29;
            return (int)mixed & _mask;
        }
    }
}
