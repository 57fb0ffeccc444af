namespace RingRift.Kernel.Sync;

/// <summary>
/// One change in a <see cref="ManifestDelta"/>: <see cref="Put"/> adds a file or replaces the entry
/// at its path; <see cref="Remove"/> drops the entry at a path (a no-op when there is none).
/// Exactly one of <see cref="Entry"/> (a put) and a removal's <see cref="RemovedPath"/> is set.
/// </summary>
public sealed record ManifestChange
{
    private const byte PutTag = 1;
    private const byte RemoveTag = 2;

    private ManifestChange(ManifestEntry? entry, string? removedPath)
    {
        Entry = entry;
        RemovedPath = removedPath;
    }

    /// <summary>The new entry of a put; null for a removal.</summary>
    public ManifestEntry? Entry { get; }

    /// <summary>The path of a removal; null for a put.</summary>
    public string? RemovedPath { get; }

    /// <summary>The path this change is about.</summary>
    public string Path => Entry?.Path ?? RemovedPath!;

    /// <summary>The tag, then the entry or the path.</summary>
    public const int EncodedBytesMax = 1 + ManifestEntry.EncodedBytesMax;

    public static ManifestChange Put(ManifestEntry entry) => new(entry, null);

    public static ManifestChange Remove(string path)
    {
        Invariant.True(SyncWire.PathProblem(path) is null);
        return new ManifestChange(null, path);
    }

    public void Write(WireWriter writer)
    {
        if (Entry is { } entry)
        {
            writer.WriteByte(PutTag);
            entry.Write(writer);
            return;
        }
        writer.WriteByte(RemoveTag);
        SyncWire.WritePath(writer, RemovedPath!);
    }

    public static ManifestChange Read(ref WireReader reader) => reader.ReadByte() switch
    {
        PutTag => new ManifestChange(ManifestEntry.Read(ref reader), null),
        RemoveTag => new ManifestChange(null, SyncWire.ReadPath(ref reader)),
        var tag => throw new MalformedMessageException("unknown manifest change " + tag),
    };

    public override string ToString() => Entry is { } entry ? "put " + entry.Path + " " + entry.Hash : "remove " + RemovedPath;
}
