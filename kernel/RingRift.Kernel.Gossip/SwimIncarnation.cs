using System;
using System.Globalization;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// A SWIM incarnation: the node's durable boot count, then a volatile refutation counter within that
/// boot. Ordered by boot first, so a restart (next boot, refutation 0) outranks every refutation of an
/// earlier life although the counter is never persisted; within a boot, each refutation outranks the
/// suspicion it answers. A node states only its own incarnation; others repeat what they heard.
/// </summary>
public readonly record struct SwimIncarnation(long Boot, long Refutation) : IComparable<SwimIncarnation>
{
    /// <summary>What a member is known by before anything was heard from it: below every real incarnation (boots start at 1).</summary>
    public static readonly SwimIncarnation Unknown = new(0, 0);

    /// <summary>Larger values are refused on the wire, so that refuting above one can never overflow.</summary>
    public const long RefutationMax = long.MaxValue / 2;

    public int CompareTo(SwimIncarnation other) =>
        Boot != other.Boot ? Boot.CompareTo(other.Boot) : Refutation.CompareTo(other.Refutation);

    public static bool operator <(SwimIncarnation a, SwimIncarnation b) => a.CompareTo(b) < 0;
    public static bool operator >(SwimIncarnation a, SwimIncarnation b) => a.CompareTo(b) > 0;
    public static bool operator <=(SwimIncarnation a, SwimIncarnation b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SwimIncarnation a, SwimIncarnation b) => a.CompareTo(b) >= 0;

    public void Write(WireWriter writer)
    {
        writer.WriteVarUInt64((ulong)Boot);
        writer.WriteVarUInt64((ulong)Refutation);
    }

    public static SwimIncarnation Read(ref WireReader reader)
    {
        var boot = reader.ReadVarUInt64();
        var refutation = reader.ReadVarUInt64();
        if (boot > long.MaxValue) throw new MalformedMessageException("boot count out of range: " + boot);
        if (refutation > RefutationMax) throw new MalformedMessageException("refutation out of range: " + refutation);
        return new SwimIncarnation((long)boot, (long)refutation);
    }

    /// <summary>"boot.refutation", e.g. "3.1".</summary>
    public override string ToString() =>
        Boot.ToString(CultureInfo.InvariantCulture) + "." + Refutation.ToString(CultureInfo.InvariantCulture);
}
