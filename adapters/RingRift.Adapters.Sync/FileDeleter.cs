using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>
/// Runs the kernel's <see cref="DeleteFile"/> effects (source cleanup) off the driver loop: the file is
/// re-hashed through the <see cref="FileIndex"/> first and deleted only when it is still a game database
/// with the hash the kernel named; the index forgets it at once, and the next report tells the kernel.
/// Each effect completes exactly once with <see cref="FileDeleted"/>.
/// </summary>
public sealed class FileDeleter(FileIndex index, Action<EffectCompleted> complete)
{
    public void Delete(DeleteFile delete) => _ = Task.Run(() => RunAsync(delete));

    /// <summary>True when the file was there, a game database with the expected hash, and is now gone.</summary>
    public async Task<bool> TryDeleteAsync(string relative, ContentHash hash, CancellationToken cancellation)
    {
        if (FileKinds.Of(relative) != "game_db" || DataPaths.IsInternal(relative)) return false;
        if (index.Paths.Resolve(relative, out _) is not { } full) return false;
        var file = await index.LookupAsync(relative, cancellation).ConfigureAwait(false);
        if (file is null || file.Hash != hash) return false;
        File.Delete(full);
        index.Forget(relative);
        return true;
    }

    private async Task RunAsync(DeleteFile delete)
    {
        bool deleted;
        try
        {
            deleted = await TryDeleteAsync(delete.Path, delete.Hash, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            deleted = false;
        }
        complete(new EffectCompleted(delete.Id, new FileDeleted(deleted)));
    }
}
