using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// Equality of <see cref="PathTarget"/> that hashes only the path's length and tail (the distinct part of
/// game file names) and the target. Used for lookups only; nothing enumerates a set keyed by it.
/// </summary>
internal sealed class PathTargetComparer : IEqualityComparer<PathTarget>
{
    public static readonly PathTargetComparer Instance = new();

    public bool Equals(PathTarget x, PathTarget y) =>
        x.Target == y.Target && string.Equals(x.Path, y.Path, System.StringComparison.Ordinal);

    public int GetHashCode(PathTarget key)
    {
        unchecked
        {
            var path = key.Path;
            var mixed = (ulong)path.Length * 0x9E3779B97F4A7C15UL ^ (ulong)key.Target;
            var start = path.Length > 16 ? path.Length - 16 : 0;
            for (var i = start; i < path.Length; i++) mixed = (mixed ^ path[i]) * 0x100000001B3UL;
            return (int)(mixed ^ (mixed >> 32));
        }
    }
}
