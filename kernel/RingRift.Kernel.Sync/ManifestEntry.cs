using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// One file a node holds: its path under the data directory, what it is, the config it belongs to
/// ("square8_2p"; empty when none), its size and the hash of its bytes, as the node's host reported
/// them after writing or verifying the file. Immutable, with a canonical bounded encoding.
/// </summary>
public sealed record ManifestEntry(string Path, FileKind Kind, string ConfigKey, ByteSize Size, ContentHash Hash)
{
    /// <summary>Path, kind byte, config key, size varint, 16 hash bytes.</summary>
    public const int EncodedBytesMax =
        2 + SyncWire.PathBytesMax + 1 + 1 + SyncWire.ConfigKeyBytesMax + SyncWire.VarIntBytesMax + ContentHash.EncodedBytes;

    /// <summary>Every way this entry breaks the wire's bounds; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SyncWire.PathProblem(Path) is { } problem) errors.Add(problem);
        if (Kind is < FileKind.GameDb or > FileKind.Model) errors.Add($"file '{Path}': unknown kind {(byte)Kind}");
        if (System.Text.Encoding.UTF8.GetByteCount(ConfigKey) > SyncWire.ConfigKeyBytesMax)
            errors.Add($"file '{Path}': config key is longer than {SyncWire.ConfigKeyBytesMax} bytes");
        if (Size.Bytes < 0 || Size.Bytes > SyncWire.FileBytesMax)
            errors.Add($"file '{Path}': size must be within 0..{SyncWire.FileBytesMax} bytes (got {Size.Bytes})");
        return errors;
    }

    public void Write(WireWriter writer)
    {
        Invariant.True(Size.Bytes >= 0 && Size.Bytes <= SyncWire.FileBytesMax);
        Invariant.True(Kind is >= FileKind.GameDb and <= FileKind.Model);
        SyncWire.WritePath(writer, Path);
        writer.WriteByte((byte)Kind);
        writer.WriteString(ConfigKey, SyncWire.ConfigKeyBytesMax);
        writer.WriteVarUInt64((ulong)Size.Bytes);
        Hash.Write(writer);
    }

    public static ManifestEntry Read(ref WireReader reader)
    {
        var path = SyncWire.ReadPath(ref reader);
        var kind = reader.ReadByte();
        if (kind is < (byte)FileKind.GameDb or > (byte)FileKind.Model) throw new MalformedMessageException("unknown file kind " + kind);
        var config = reader.ReadString(SyncWire.ConfigKeyBytesMax);
        var size = reader.ReadVarUInt64();
        if (size > SyncWire.FileBytesMax) throw new MalformedMessageException("file size " + size + " exceeds " + SyncWire.FileBytesMax);
        return new ManifestEntry(path, (FileKind)kind, config, new ByteSize((long)size), ContentHash.Read(ref reader));
    }
}
