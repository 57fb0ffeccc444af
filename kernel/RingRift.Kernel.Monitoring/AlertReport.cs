using System;
using System.Collections.Immutable;

namespace RingRift.Kernel.Monitoring;

/// <summary>
/// A node tells the leader it follows which alerts about it are active (one bit per
/// <see cref="AlertKind"/>) and at what level (<see cref="Levels"/>: one per active kind, in kind order,
/// so the leader's /alerts shows each node's levels): sent every sample interval, empty or not, so a new
/// leader learns it within one interval; the leader echoes it (<see cref="AlertReportAck"/>) so the node
/// times its heartbeat delay. <see cref="Sequence"/> grows with every report of the node's incarnation; an
/// older one is ignored.
/// </summary>
public sealed record AlertReport(long Incarnation, long Sequence, int ActiveMask) : Message
{
    public const int MaskMax = (1 << AlertKinds.Count) - 1;

    /// <summary>The active kinds' levels, in kind order; empty (every level 0) or one per set bit of the mask.</summary>
    public ImmutableArray<long> Levels { get; init; } = [];

    public override MessageKind Kind => MessageKind.AlertReport;

    /// <summary>The level reported for <paramref name="kind"/>; 0 when it is not active or no levels were sent.</summary>
    public long LevelOf(AlertKind kind)
    {
        var bit = AlertKinds.Bit(kind);
        if ((ActiveMask & bit) == 0 || Levels.IsDefaultOrEmpty) return 0;
        return Levels[System.Numerics.BitOperations.PopCount((uint)(ActiveMask & (bit - 1)))];
    }

    public override void WriteBody(WireWriter writer)
    {
        Invariant.True(Levels.IsDefaultOrEmpty || Levels.Length == ActiveCount(ActiveMask));
        writer.WriteVarInt64(Incarnation);
        writer.WriteVarInt64(Sequence);
        writer.WriteVarUInt64((ulong)ActiveMask);
        for (var i = 0; i < ActiveCount(ActiveMask); i++)
            writer.WriteVarUInt64(Levels.IsDefaultOrEmpty ? 0 : (ulong)Math.Max(0, Levels[i]));
    }

    public static AlertReport Read(ref WireReader reader)
    {
        var incarnation = reader.ReadVarInt64();
        var sequence = reader.ReadVarInt64();
        if (incarnation < 0 || sequence < 0) throw new MalformedMessageException("negative incarnation or sequence");
        var mask = reader.ReadBoundedInt(MaskMax);
        var levels = ImmutableArray.CreateBuilder<long>(ActiveCount(mask));
        for (var i = 0; i < ActiveCount(mask); i++)
        {
            var level = reader.ReadVarUInt64();
            if (level > long.MaxValue) throw new MalformedMessageException("alert level out of range");
            levels.Add((long)level);
        }
        return new AlertReport(incarnation, sequence, mask) { Levels = levels.MoveToImmutable() };
    }

    public bool Equals(AlertReport? other) =>
        ReferenceEquals(this, other) ||
        (other is not null && Incarnation == other.Incarnation && Sequence == other.Sequence && ActiveMask == other.ActiveMask
            && LevelsOrZeros().AsSpan().SequenceEqual(other.LevelsOrZeros().AsSpan()));

    public override int GetHashCode() => HashCode.Combine(Incarnation, Sequence, ActiveMask);

    private ImmutableArray<long> LevelsOrZeros() =>
        Levels.IsDefaultOrEmpty ? ImmutableArray.Create(new long[ActiveCount(ActiveMask)]) : Levels;

    private static int ActiveCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);
}
