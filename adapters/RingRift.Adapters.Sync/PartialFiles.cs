using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>
/// Assembles received chunks into a partial file under <see cref="DataPaths.PartialDir"/> (one per
/// path and hash, so chunks from several sources land in one place). A chunk counts once all its bytes
/// are written and flushed; when the chunks cover the file, its XXH128 is checked against the planned
/// hash and the file is renamed into place atomically (whole or absent). A mismatch deletes the partial
/// file and fails as <see cref="TransferFailure.Corrupt"/>. Thread-safe.
/// </summary>
public sealed class PartialFiles(DataPaths paths, FileIndex index)
{
    private const int BufferBytes = 1 << 16;
    private readonly Dictionary<string, ReceivedRanges> _files = new(StringComparer.Ordinal);

    /// <summary>Writes the chunk <paramref name="spec"/> names from <paramref name="body"/>, then finishes the file if it is whole.</summary>
    internal async Task<EffectOutcome> ReceiveAsync(TransferSpec spec, Stream body, StallGuard guard)
    {
        if (paths.Resolve(spec.Path, out var problem) is not { } final) return Outcomes.Failed(TransferFailure.Missing, problem);
        var partial = PartialPath(spec);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        var written = await WriteChunkAsync(partial, spec, body, guard).ConfigureAwait(false);
        if (written != spec.LengthBytes)
            return Outcomes.Failed(TransferFailure.Unreachable, $"the connection ended after {written} of {spec.LengthBytes} bytes");
        if (!MarkReceived(partial, spec)) return new TransferCompleted(written, FileComplete: false);
        return await FinishAsync(partial, final, spec, written, guard).ConfigureAwait(false);
    }

    /// <summary>The partial file of a path and hash: both hashed into its name, so no path can reach outside.</summary>
    public string PartialPath(TransferSpec spec) =>
        Path.Combine(paths.Root, DataPaths.PartialDir, ContentHashes.Of(System.Text.Encoding.UTF8.GetBytes(spec.Path)) + "-" + spec.Hash + ".part");

    private static async Task<long> WriteChunkAsync(string partial, TransferSpec spec, Stream body, StallGuard guard)
    {
        using var handle = File.OpenHandle(partial, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        var buffer = new byte[BufferBytes];
        long written = 0;
        while (written < spec.LengthBytes)
        {
            var want = (int)Math.Min(buffer.Length, spec.LengthBytes - written);
            var read = await body.ReadAsync(buffer.AsMemory(0, want), guard.Token).ConfigureAwait(false);
            if (read == 0) break;
            guard.Progress();
            await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), spec.OffsetBytes + written, guard.Token).ConfigureAwait(false);
            written += read;
        }
        RandomAccess.FlushToDisk(handle);
        return written;
    }

    /// <summary>Records the chunk; true when the file is now whole and this caller is the one to finish it.</summary>
    private bool MarkReceived(string partial, TransferSpec spec)
    {
        lock (_files)
        {
            if (!_files.TryGetValue(partial, out var ranges)) _files[partial] = ranges = new ReceivedRanges(spec.FileBytes);
            ranges.Add(spec.OffsetBytes, spec.LengthBytes);
            if (!ranges.IsComplete || ranges.Finishing) return false;
            ranges.Finishing = true;
            return true;
        }
    }

    private async Task<EffectOutcome> FinishAsync(string partial, string final, TransferSpec spec, long written, StallGuard guard)
    {
        try
        {
            // A partial file left longer by an earlier, larger attempt is cut to the planned size.
            using (var handle = File.OpenHandle(partial, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                RandomAccess.SetLength(handle, spec.FileBytes);
            var hash = await ContentHashes.OfFileAsync(partial, guard.Token).ConfigureAwait(false);
            if (hash != spec.Hash)
            {
                File.Delete(partial);
                return Outcomes.Failed(TransferFailure.Corrupt, $"the assembled file hashes to {hash}, not {spec.Hash}");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(partial, final, overwrite: true);
            index.Record(spec.Path, hash);
            return new TransferCompleted(written, FileComplete: true);
        }
        finally
        {
            lock (_files) _files.Remove(partial);
        }
    }
}
