namespace RingRift.Kernel;

/// <summary>SplitMix64: expands one 64-bit seed into well-mixed state words.</summary>
public static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
