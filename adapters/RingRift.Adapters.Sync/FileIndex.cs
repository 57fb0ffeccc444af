using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>
/// The data directory's files with their hashes, cached: a refresh walks the directory and re-hashes
/// only files whose size or modification time changed since they were last hashed (or that are new);
/// vanished files drop out. Symbolic links and the node's own files are never listed. Refreshes run
/// one at a time, on the caller's thread (an HTTP request or a transfer), never on the driver loop.
/// </summary>
public sealed class FileIndex(DataPaths paths, int filesMax = 100_000)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, Cached> _files = new(StringComparer.Ordinal);
    private long _hashed;

    public DataPaths Paths => paths;

    /// <summary>How many times a file's bytes were hashed (a refresh of unchanged files adds nothing).</summary>
    public long FilesHashed => Interlocked.Read(ref _hashed);

    /// <summary>Every listed file, sorted by path, after bringing the cache up to date.</summary>
    public async Task<IReadOnlyList<ManifestFile>> ManifestAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Walk())
            {
                if (seen.Count >= filesMax) break;
                var relative = Path.GetRelativePath(paths.Root, file.FullName).Replace('\\', '/');
                if (DataPaths.IsInternal(relative)) continue;
                if (await RefreshAsync(relative, file, cancellation).ConfigureAwait(false)) seen.Add(relative);
            }
            foreach (var gone in Vanished(seen)) _files.Remove(gone);
            var list = new List<ManifestFile>(_files.Count);
            foreach (var (path, cached) in _files) list.Add(cached.File);
            list.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One file, brought up to date; null when it does not exist (or may not be served).</summary>
    public async Task<ManifestFile?> LookupAsync(string relative, CancellationToken cancellation)
    {
        if (paths.Resolve(relative, out _) is not { } full) return null;
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var info = new FileInfo(full);
            if (await RefreshAsync(relative, info, cancellation).ConfigureAwait(false)) return _files[relative].File;
            _files.Remove(relative);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Records a file this node just wrote and verified, so its hash is not computed again.</summary>
    public void Record(string relative, ContentHash hash)
    {
        var info = new FileInfo(Path.Combine(paths.Root, relative));
        if (!info.Exists) return;
        _gate.Wait();
        try
        {
            _files[relative] = new Cached(new ManifestFile(relative, FileKinds.Of(relative), info.Length, hash), info.LastWriteTimeUtc.Ticks);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops a file this node just deleted, so no listing shows it again.</summary>
    public void Forget(string relative)
    {
        _gate.Wait();
        try
        {
            _files.Remove(relative);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> RefreshAsync(string relative, FileInfo info, CancellationToken cancellation)
    {
        info.Refresh();
        if (!info.Exists || info.LinkTarget is not null) return false;
        var ticks = info.LastWriteTimeUtc.Ticks;
        if (_files.TryGetValue(relative, out var cached) && cached.File.SizeBytes == info.Length && cached.WriteTicks == ticks) return true;
        ContentHash hash;
        try
        {
            hash = await ContentHashes.OfFileAsync(info.FullName, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        Interlocked.Increment(ref _hashed);
        _files[relative] = new Cached(new ManifestFile(relative, FileKinds.Of(relative), info.Length, hash), ticks);
        return true;
    }

    private IEnumerable<FileInfo> Walk()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return new DirectoryInfo(paths.Root).EnumerateFiles("*", options);
    }

    private List<string> Vanished(HashSet<string> seen)
    {
        var gone = new List<string>();
        foreach (var path in _files.Keys)
            if (!seen.Contains(path)) gone.Add(path);
        return gone;
    }

    private sealed record Cached(ManifestFile File, long WriteTicks);
}
