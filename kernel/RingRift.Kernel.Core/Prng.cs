using System;

namespace RingRift.Kernel;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the only source of randomness in the kernel and the
/// simulator. Same seed, same sequence, on every machine. <see cref="Fork(ulong)"/> derives an
/// independent stream (per node, per fault subsystem) without consuming this stream's values,
/// so adding a consumer of one stream never shifts another.
/// </summary>
public sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly ulong _seed;

    public Prng(ulong seed)
    {
        _seed = seed;
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
    }

    /// <summary>The seed this generator was created from (streams fork from it, not from its position).</summary>
    public ulong Seed => _seed;

    /// <summary>An independent generator for stream <paramref name="streamId"/>, a pure function of (seed, streamId).</summary>
    public Prng Fork(ulong streamId)
    {
        var mixed = _seed ^ unchecked(streamId * 0xD1B54A32D192ED03UL);
        return new Prng(SplitMix64.Next(ref mixed) ^ SplitMix64.Next(ref mixed));
    }

    /// <summary>An independent generator for a named stream ("network", "node:gpu-3", …).</summary>
    public Prng Fork(string label) => Fork(StableHash.Of(label));

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform in [0, bound). Unbiased (Lemire's multiply-and-reject). bound must be positive.</summary>
    public ulong NextBelow(ulong bound)
    {
        Invariant.True(bound > 0);
        var x = NextUInt64();
        var m = Math.BigMul(x, bound, out var low);
        if (low < bound)
        {
            var threshold = unchecked(0UL - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64();
                m = Math.BigMul(x, bound, out low);
            }
        }
        return m;
    }

    /// <summary>Uniform in [minInclusive, maxExclusive).</summary>
    public long NextInRange(long minInclusive, long maxExclusive)
    {
        Invariant.True(maxExclusive > minInclusive);
        var span = unchecked((ulong)(maxExclusive - minInclusive));
        return unchecked(minInclusive + (long)NextBelow(span));
    }

    /// <summary>Uniform duration in [min, max]; returns min when the range is empty.</summary>
    public Duration NextDuration(Duration min, Duration max)
    {
        if (max <= min) return min;
        // Counted in ulong so that max = Duration.MaxValue needs no max + 1. The draws are those of
        // NextInRange(min, max + 1) wherever that does not overflow; a span of 2^64 wraps to 0.
        var span = unchecked((ulong)(max.Micros - min.Micros) + 1);
        var offset = span == 0 ? NextUInt64() : NextBelow(span);
        return new Duration(unchecked(min.Micros + (long)offset));
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
