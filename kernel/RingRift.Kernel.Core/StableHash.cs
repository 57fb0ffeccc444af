namespace RingRift.Kernel;

/// <summary>
/// FNV-1a over UTF-16 code units: a hash that is the same in every process, unlike
/// string.GetHashCode, for deriving seeds and stream ids from names.
/// </summary>
public static class StableHash
{
    public static ulong Of(string text)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * 0x100000001B3UL;
                hash = (hash ^ (byte)(c >> 8)) * 0x100000001B3UL;
            }
            return hash;
        }
    }
}
