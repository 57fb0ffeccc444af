namespace RingRift.Kernel.Sync;

/// <summary>
/// A summary of a whole manifest that is independent of the order entries were added in and costs
/// O(1) per change: the count of entries and two 64-bit sums (mod 2^64) of each entry's well-mixed
/// fingerprint, which covers path, kind, config, size and hash. Two equal manifests always have equal
/// digests; unequal ones collide with probability about 2^-128. Gossip carries
/// <see cref="GossipValue"/>, a 64-bit fold, so a peer knows when to ask for the manifest itself.
/// </summary>
public readonly record struct ManifestDigest(ulong Sum0, ulong Sum1, long Count)
{
    public static readonly ManifestDigest Empty = new(0, 0, 0);

    /// <summary>Count varint and the two sums as 8 fixed bytes each.</summary>
    public const int EncodedBytesMax = SyncWire.VarIntBytesMax + 16;

    public ManifestDigest Add(ManifestEntry entry)
    {
        var (f0, f1) = Fingerprint(entry);
        return new ManifestDigest(unchecked(Sum0 + f0), unchecked(Sum1 + f1), checked(Count + 1));
    }

    public ManifestDigest Remove(ManifestEntry entry)
    {
        Invariant.True(Count > 0);
        var (f0, f1) = Fingerprint(entry);
        return new ManifestDigest(unchecked(Sum0 - f0), unchecked(Sum1 - f1), Count - 1);
    }

    /// <summary>The value gossip's node summary carries: 0 for an empty manifest, a mix of all three fields otherwise.</summary>
    public ulong GossipValue
    {
        get
        {
            if (Count == 0) return 0;
            var state = Sum0 ^ ((Sum1 << 29) | (Sum1 >> 35)) ^ unchecked((ulong)Count * 0x9E3779B97F4A7C15UL);
            var folded = SplitMix64.Next(ref state);
            return folded == 0 ? 1 : folded;
        }
    }

    /// <summary>Two independent 64-bit lanes, each a full-avalanche mix of every field of the entry.</summary>
    public static (ulong Lane0, ulong Lane1) Fingerprint(ManifestEntry entry)
    {
        unchecked
        {
            var path = StableHash.Of(entry.Path);
            var config = StableHash.Of(entry.ConfigKey);
            var state0 = path ^ entry.Hash.High ^ ((ulong)entry.Kind << 56);
            var lane0 = SplitMix64.Next(ref state0) ^ (ulong)entry.Size.Bytes;
            lane0 = SplitMix64.Next(ref lane0) ^ config;
            var state1 = ((path << 32) | (path >> 32)) ^ entry.Hash.Low ^ ((ulong)entry.Size.Bytes * 0xC2B2AE3D27D4EB4FUL);
            var lane1 = SplitMix64.Next(ref state1) ^ ((config << 17) | (config >> 47));
            return (SplitMix64.Next(ref lane0), SplitMix64.Next(ref lane1));
        }
    }

    public void Write(WireWriter writer)
    {
        Invariant.True(Count >= 0);
        writer.WriteVarUInt64((ulong)Count);
        new ContentHash(Sum0, Sum1).Write(writer);
    }

    public static ManifestDigest Read(ref WireReader reader)
    {
        var count = reader.ReadVarUInt64();
        if (count > Manifest.EntriesMax) throw new MalformedMessageException("manifest count " + count + " exceeds " + Manifest.EntriesMax);
        var sums = ContentHash.Read(ref reader);
        return new ManifestDigest(sums.High, sums.Low, (long)count);
    }
}
