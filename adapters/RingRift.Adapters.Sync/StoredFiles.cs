using RingRift.Kernel;
using RingRift.Kernel.Sync;

namespace RingRift.Adapters.Sync;

/// <summary>
/// A manifest file as the kernel's <see cref="StoredFile"/>: the kind by <see cref="FileKinds"/> (the
/// manifest endpoint's rule), the board config from the path's second segment
/// (<c>games/square8_2p/x.db</c> → <c>square8_2p</c>; "" when there is none). Files the kernel does not
/// sync ("other" kinds) or whose path or config the sync wire cannot carry are left out.
/// </summary>
public static class StoredFiles
{
    public static StoredFile? Of(ManifestFile file)
    {
        FileKind? kind = file.Kind switch
        {
            "game_db" => FileKind.GameDb,
            "training_npz" => FileKind.TrainingNpz,
            "model" => FileKind.Model,
            _ => null,
        };
        if (kind is not { } known) return null;
        var entry = new ManifestEntry(file.Path, known, ConfigOf(file.Path), new ByteSize(file.SizeBytes), file.Hash);
        return entry.Validate().Count > 0 ? null : new StoredFile(entry.Path, (byte)known, entry.ConfigKey, entry.Size, entry.Hash);
    }

    private static string ConfigOf(string path)
    {
        var segments = path.Split('/');
        return segments.Length >= 3 && System.Text.Encoding.UTF8.GetByteCount(segments[1]) <= SyncWire.ConfigKeyBytesMax ? segments[1] : "";
    }
}
