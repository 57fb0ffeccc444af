namespace RingRift.Kernel.Sync;

/// <summary>
/// The bounds of the sync wire format and the checks every sync decoder shares. A path is relative to
/// the node's data directory, UTF-8, at most <see cref="PathBytesMax"/> bytes, with '/' separators
/// and no empty, "." or ".." segment, no backslash and no NUL: a received path can never leave the
/// data directory (the original rejected ".." at serve time only).
/// </summary>
public static class SyncWire
{
    public const int PathBytesMax = 512;

    /// <summary>A config key such as "square8_2p" or "hexagonal_4p".</summary>
    public const int ConfigKeyBytesMax = 32;

    /// <summary>The largest file a manifest describes: 10 TB, far above any game database or checkpoint.</summary>
    public const long FileBytesMax = 10_000_000_000_000;

    /// <summary>The longest varint: a 64-bit value in 7-bit groups.</summary>
    public const int VarIntBytesMax = 10;

    /// <summary>A string field: a length varint (two bytes below 16 KiB) and its bytes.</summary>
    public static int StringBytesMax(int contentBytesMax) => 2 + contentBytesMax;

    /// <summary>Why <paramref name="path"/> is not a valid manifest path, or null when it is.</summary>
    public static string? PathProblem(string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(path);
        if (bytes == 0 || bytes > PathBytesMax) return $"path must be 1 to {PathBytesMax} bytes (got {bytes})";
        var segmentStart = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i < path.Length)
            {
                var c = path[i];
                if (c == '\\' || c == '\0') return "path '" + path + "' contains a backslash or NUL";
                if (c != '/') continue;
            }
            var length = i - segmentStart;
            if (length == 0) return "path '" + path + "' has an empty segment";
            if (length <= 2 && path[segmentStart] == '.' && (length == 1 || path[segmentStart + 1] == '.'))
                return "path '" + path + "' has a '.' or '..' segment";
            segmentStart = i + 1;
        }
        return null;
    }

    public static string ReadPath(ref WireReader reader)
    {
        var path = reader.ReadString(PathBytesMax);
        if (PathProblem(path) is { } problem) throw new MalformedMessageException(problem);
        return path;
    }

    public static void WritePath(WireWriter writer, string path)
    {
        Invariant.True(PathProblem(path) is null);
        writer.WriteString(path, PathBytesMax);
    }

    /// <summary>Versions and counts only grow from zero; a negative one is malformed.</summary>
    public static long ReadCount(ref WireReader reader, string what)
    {
        var value = reader.ReadVarInt64();
        if (value < 0) throw new MalformedMessageException(what + " is negative: " + value);
        return value;
    }
}
