using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>
/// A node's data disk: whole files by path, the bytes of chunked files still arriving, and other data
/// filling the disk (<see cref="FillBytes"/>). Survives crashes; only a wipe empties it.
/// </summary>
internal sealed class SimFileStore(long totalBytes)
{
    private readonly Dictionary<string, SimFile> _files = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(string Path, ContentHash Hash), long> _partial = new();
    private long _fileBytes;

    public long TotalBytes { get; } = totalBytes;
    public long FillBytes { get; set; }
    public long FreeBytes => System.Math.Max(0, TotalBytes - _fileBytes - FillBytes - PartialBytes);
    public long PartialBytes { get; private set; }
    public int Count => _files.Count;

    public bool TryGet(string path, out SimFile file) => _files.TryGetValue(path, out file!);

    public bool Holds(string path, ContentHash hash) => _files.TryGetValue(path, out var file) && file.Hash == hash;

    public void Put(SimFile file)
    {
        if (_files.Remove(file.Path, out var old)) _fileBytes -= old.Bytes;
        _files.Add(file.Path, file);
        _fileBytes += file.Bytes;
    }

    /// <summary>Removes one file; false when it is not there.</summary>
    public bool Remove(string path)
    {
        if (!_files.Remove(path, out var old)) return false;
        _fileBytes -= old.Bytes;
        return true;
    }

    /// <summary>The game databases, in path order.</summary>
    public List<SimFile> Games()
    {
        var games = new List<SimFile>();
        foreach (var file in _files.Values)
            if (file.Kind == (byte)RingRift.Kernel.Sync.FileKind.GameDb) games.Add(file);
        games.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return games;
    }

    /// <summary>Adds a received range; true when the file's ranges now cover it (the caller then stores it whole).</summary>
    public bool AddRange(string path, ContentHash hash, long fileBytes, long length)
    {
        _partial.TryGetValue((path, hash), out var have);
        have += length;
        PartialBytes += length;
        if (have < fileBytes)
        {
            _partial[(path, hash)] = have;
            return false;
        }
        _partial.Remove((path, hash));
        PartialBytes -= have;
        return true;
    }

    /// <summary>Every file, in path order (what a boot scan reports).</summary>
    public ImmutableArray<StoredFile> Scan()
    {
        var paths = new List<string>(_files.Keys);
        paths.Sort(System.StringComparer.Ordinal);
        var files = ImmutableArray.CreateBuilder<StoredFile>(paths.Count);
        foreach (var path in paths) files.Add(_files[path].Stored);
        return files.MoveToImmutable();
    }

    /// <summary>Empties the disk; returns what was on it, in path order.</summary>
    public List<SimFile> Wipe()
    {
        var gone = new List<SimFile>(_files.Values);
        gone.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        _files.Clear();
        _partial.Clear();
        _fileBytes = 0;
        PartialBytes = 0;
        return gone;
    }
}
