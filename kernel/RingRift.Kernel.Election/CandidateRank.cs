using System;

namespace RingRift.Kernel.Election;

/// <summary>
/// A node allowed to lead, and its rank: higher <see cref="Priority"/> first, then the smaller node
/// id. Lower-ranked candidates wait longer before campaigning, so the best live candidate usually wins
/// without contention.
/// </summary>
public readonly record struct CandidateRank(NodeId Node, int Priority) : IComparable<CandidateRank>
{
    /// <summary>Negative when this candidate ranks above <paramref name="other"/>.</summary>
    public int CompareTo(CandidateRank other) =>
        Priority != other.Priority ? other.Priority.CompareTo(Priority) : Node.CompareTo(other.Node);
}
