using System;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// How new a gossiped entry is: the originator's incarnation (its durable boot count), then the
/// version it gave the entry within that incarnation. Ordered lexicographically, so any entry of a
/// later life is newer than every entry of an earlier one.
/// </summary>
public readonly record struct VersionStamp(long Incarnation, long Version) : IComparable<VersionStamp>
{
    public int CompareTo(VersionStamp other)
    {
        var byIncarnation = Incarnation.CompareTo(other.Incarnation);
        return byIncarnation != 0 ? byIncarnation : Version.CompareTo(other.Version);
    }

    public static bool operator <(VersionStamp a, VersionStamp b) => a.CompareTo(b) < 0;
    public static bool operator >(VersionStamp a, VersionStamp b) => a.CompareTo(b) > 0;
    public static bool operator <=(VersionStamp a, VersionStamp b) => a.CompareTo(b) <= 0;
    public static bool operator >=(VersionStamp a, VersionStamp b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        Incarnation.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" +
        Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
