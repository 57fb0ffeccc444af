namespace RingRift.Kernel.Gossip;

/// <summary>
/// One membership fact piggybacked on a SWIM message. <see cref="Accuser"/> is set only for
/// <see cref="SwimUpdateKind.Suspect"/> (Lifeguard counts independent accusers); <see cref="Beat"/>
/// only for <see cref="SwimUpdateKind.Beat"/>. Only those fields are on the wire, so the encoding of
/// each kind is canonical.
/// </summary>
public readonly record struct SwimUpdate(SwimUpdateKind Kind, NodeId Node, SwimIncarnation Incarnation, NodeId Accuser, long Beat)
{
    /// <summary>The most updates one message may carry on the wire; configs piggyback at most this many.</summary>
    public const int WireMax = 64;

    public static SwimUpdate Alive(NodeId node, SwimIncarnation incarnation) => new(SwimUpdateKind.Alive, node, incarnation, default, 0);

    public static SwimUpdate Suspect(NodeId node, SwimIncarnation incarnation, NodeId accuser) =>
        new(SwimUpdateKind.Suspect, node, incarnation, accuser, 0);

    public static SwimUpdate Dead(NodeId node, SwimIncarnation incarnation) => new(SwimUpdateKind.Dead, node, incarnation, default, 0);

    public static SwimUpdate Heartbeat(NodeId node, SwimIncarnation incarnation, long beat) =>
        new(SwimUpdateKind.Beat, node, incarnation, default, beat);

    public void Write(WireWriter writer)
    {
        writer.WriteByte((byte)Kind);
        writer.WriteNodeId(Node);
        Incarnation.Write(writer);
        if (Kind == SwimUpdateKind.Suspect) writer.WriteNodeId(Accuser);
        if (Kind == SwimUpdateKind.Beat) writer.WriteVarUInt64((ulong)Beat);
    }

    public static SwimUpdate Read(ref WireReader reader)
    {
        var kind = reader.ReadByte();
        if (kind > (byte)SwimUpdateKind.Beat) throw new MalformedMessageException("unknown swim update kind " + kind);
        var node = reader.ReadNodeId();
        var incarnation = SwimIncarnation.Read(ref reader);
        return (SwimUpdateKind)kind switch
        {
            SwimUpdateKind.Suspect => Suspect(node, incarnation, reader.ReadNodeId()),
            SwimUpdateKind.Beat => Heartbeat(node, incarnation, ReadBeat(ref reader)),
            SwimUpdateKind.Alive => Alive(node, incarnation),
            _ => Dead(node, incarnation),
        };
    }

    public override string ToString() => Kind switch
    {
        SwimUpdateKind.Suspect => $"suspect {Node}@{Incarnation} by {Accuser}",
        SwimUpdateKind.Beat => $"beat {Node}@{Incarnation}#{Beat}",
        _ => $"{(Kind == SwimUpdateKind.Alive ? "alive" : "dead")} {Node}@{Incarnation}",
    };

    private static long ReadBeat(ref WireReader reader)
    {
        var beat = reader.ReadVarUInt64();
        if (beat > long.MaxValue) throw new MalformedMessageException("beat out of range: " + beat);
        return (long)beat;
    }
}
