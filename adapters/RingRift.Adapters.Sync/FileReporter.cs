using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>
/// Tells the kernel what the data directory holds (<see cref="FilesObserved"/>), so it never scans a
/// disk: first the whole directory, then, every period or sooner when nudged (a job exited, a transfer
/// ended), only what changed since the last report, with the disk's size and free space. The
/// <see cref="FileIndex"/> re-hashes only changed files; all of it runs on its own task, never on the
/// driver loop. A report the inbox refuses is not lost: the next round compares against what the
/// kernel was last told, so it carries the same changes again.
/// </summary>
public sealed class FileReporter(FileIndex index, Func<KernelInput, bool> post, TimeSpan period) : IAsyncDisposable
{
    // Never disposed: a job or transfer may still end (and nudge) while the node stops, and a
    // SemaphoreSlim whose wait handle was never asked for holds nothing to free.
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Dictionary<string, StoredFile>? _reported;
    private (long Total, long Free) _disk;
    private Task? _loop;

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Asks for a report now rather than at the end of the period.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // A report is already due.
        }
    }

    /// <summary>One round: compares the index with the last report and posts the difference (or the whole disk, the first time).</summary>
    public async Task ReportAsync(CancellationToken cancellation)
    {
        var current = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        foreach (var file in await index.ManifestAsync(cancellation).ConfigureAwait(false))
            if (StoredFiles.Of(file) is { } stored) current[stored.Path] = stored;
        var disk = Disk(index.Paths.Root);
        var report = _reported is null ? Whole(current, disk) : Delta(_reported, current, disk);
        if (report is null || !post(report)) return;
        _reported = current;
        _disk = disk;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null) await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var cancellation = _stop.Token;
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                await ReportAsync(cancellation).ConfigureAwait(false);
                await _nudge.WaitAsync(period, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The directory could not be walked this round; the next round tries again.
            }
        }
    }

    private static FilesObserved Whole(Dictionary<string, StoredFile> current, (long Total, long Free) disk) =>
        new([.. current.Values], [], WholeDisk: true, new ByteSize(disk.Total), new ByteSize(disk.Free));

    private FilesObserved? Delta(Dictionary<string, StoredFile> reported, Dictionary<string, StoredFile> current, (long Total, long Free) disk)
    {
        var changed = ImmutableArray.CreateBuilder<StoredFile>();
        foreach (var (path, file) in current)
            if (!reported.TryGetValue(path, out var old) || old != file) changed.Add(file);
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var path in reported.Keys)
            if (!current.ContainsKey(path)) removed.Add(path);
        if (changed.Count == 0 && removed.Count == 0 && disk == _disk) return null;
        return new FilesObserved(changed.ToImmutable(), removed.ToImmutable(), WholeDisk: false, new ByteSize(disk.Total), new ByteSize(disk.Free));
    }

    /// <summary>The data directory's drive: size and bytes free; zeros when it cannot be read.</summary>
    private static (long Total, long Free) Disk(string root)
    {
        try
        {
            var drive = new DriveInfo(root);
            return (drive.TotalSize, drive.AvailableFreeSpace);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return (0, 0);
        }
    }
}
