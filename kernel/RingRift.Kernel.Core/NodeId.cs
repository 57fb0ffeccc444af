using System;

namespace RingRift.Kernel;

/// <summary>
/// A node's stable name, e.g. "lambda-gh200-3". Ordered ordinally so ties break the same way on
/// every node and in every run; never hashed into anything that reaches output.
/// </summary>
public readonly record struct NodeId(string Value) : IComparable<NodeId>
{
    public int CompareTo(NodeId other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(NodeId a, NodeId b) => a.CompareTo(b) < 0;
    public static bool operator >(NodeId a, NodeId b) => a.CompareTo(b) > 0;
    public static bool operator <=(NodeId a, NodeId b) => a.CompareTo(b) <= 0;
    public static bool operator >=(NodeId a, NodeId b) => a.CompareTo(b) >= 0;

    public override string ToString() => Value;
}
