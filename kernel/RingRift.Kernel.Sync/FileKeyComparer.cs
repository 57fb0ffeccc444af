using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// Equality of <see cref="FileKey"/> without hashing whole path strings: the content hash is already
/// uniform, and the path's length and last characters separate copies of identical content (empty
/// databases) under different names. Used for lookups only; nothing enumerates a dictionary keyed by it.
/// </summary>
internal sealed class FileKeyComparer : IEqualityComparer<FileKey>
{
    public static readonly FileKeyComparer Instance = new();

    public bool Equals(FileKey x, FileKey y) => x.Hash == y.Hash && string.Equals(x.Path, y.Path, System.StringComparison.Ordinal);

    public int GetHashCode(FileKey key)
    {
        unchecked
        {
            var path = key.Path;
            var tail = (ulong)path.Length * 0x9E3779B97F4A7C15UL;
            var start = path.Length > 16 ? path.Length - 16 : 0;
            for (var i = start; i < path.Length; i++) tail = (tail ^ path[i]) * 0x100000001B3UL;
            var mixed = key.Hash.Low ^ key.Hash.High ^ tail;
            return (int)(mixed ^ (mixed >> 32));
        }
    }
}
