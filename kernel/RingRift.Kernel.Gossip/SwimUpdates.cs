using System;
using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>The piggybacked update list of SWIM messages: its wire form and its value equality.</summary>
public static class SwimUpdates
{
    public static void Write(WireWriter writer, ImmutableArray<SwimUpdate> updates)
    {
        writer.WriteVarUInt64((ulong)updates.Length);
        foreach (var update in updates) update.Write(writer);
    }

    /// <summary>At most <see cref="SwimUpdate.WireMax"/> updates; none is read as the shared empty array.</summary>
    public static ImmutableArray<SwimUpdate> Read(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(SwimUpdate.WireMax);
        if (count == 0) return ImmutableArray<SwimUpdate>.Empty;
        var builder = ImmutableArray.CreateBuilder<SwimUpdate>(count);
        for (var i = 0; i < count; i++) builder.Add(SwimUpdate.Read(ref reader));
        return builder.MoveToImmutable();
    }

    /// <summary>Element-wise equality, so that messages compare by value (ImmutableArray compares by reference).</summary>
    public static bool SequenceEqual(ImmutableArray<SwimUpdate> a, ImmutableArray<SwimUpdate> b) =>
        a.AsSpan().SequenceEqual(b.AsSpan());

    public static int HashOf(ImmutableArray<SwimUpdate> updates)
    {
        var hash = new HashCode();
        foreach (var update in updates) hash.Add(update);
        return hash.ToHashCode();
    }
}
