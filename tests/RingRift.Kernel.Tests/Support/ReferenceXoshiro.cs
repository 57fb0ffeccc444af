using System.Numerics;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// A second, deliberately plain transcription of xoshiro256** and SplitMix64 from Blackman and
/// Vigna's reference C (prng.di.unimi.it), written without looking at <see cref="Prng"/>'s code
/// shape, so that a golden value agreed on by both is not merely the implementation agreeing
/// with itself.
/// </summary>
internal sealed class ReferenceXoshiro
{
    private readonly ulong[] _s = new ulong[4];

    public ReferenceXoshiro(ulong seed)
    {
        var x = seed;
        for (var i = 0; i < 4; i++) _s[i] = SplitMixNext(ref x);
    }

    /// <summary>uint64_t splitmix64(void) with the state passed in.</summary>
    public static ulong SplitMixNext(ref ulong x)
    {
        unchecked
        {
            x += 0x9e3779b97f4a7c15;
            var z = x;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
            z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
            return z ^ (z >> 31);
        }
    }

    /// <summary>uint64_t next(void) of xoshiro256starstar.c.</summary>
    public ulong Next()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s[1] * 5, 7) * 9;
            var t = _s[1] << 17;
            _s[2] ^= _s[0];
            _s[3] ^= _s[1];
            _s[1] ^= _s[2];
            _s[0] ^= _s[3];
            _s[2] ^= t;
            _s[3] = BitOperations.RotateLeft(_s[3], 45);
            return result;
        }
    }
}
