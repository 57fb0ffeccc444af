namespace RingRift.Kernel.Gossip;

/// <summary>
/// What every SWIM message carries: the sender's own incarnation (which is why it is sent only once the
/// boot count in it is durable) and a sequence number from the sender's one counter for requests, echoed
/// by the answer. Any message received directly is the sender's claim to be alive at that incarnation.
/// </summary>
public abstract record SwimMessage(SwimIncarnation Sender, long Sequence) : Message, ICarriesIncarnation
{
    /// <summary>The durable part of the sender's incarnation: its boot count.</summary>
    public long Incarnation => Sender.Boot;

    /// <summary>Writes the sender's incarnation and the sequence, the head every SWIM body starts with.</summary>
    protected void WriteHead(WireWriter writer)
    {
        Sender.Write(writer);
        writer.WriteVarUInt64((ulong)Sequence);
    }

    /// <summary>Reads what <see cref="WriteHead"/> wrote.</summary>
    protected static (SwimIncarnation Sender, long Sequence) ReadHead(ref WireReader reader)
    {
        var sender = SwimIncarnation.Read(ref reader);
        var sequence = reader.ReadVarUInt64();
        if (sequence > long.MaxValue) throw new MalformedMessageException("sequence out of range: " + sequence);
        return (sender, (long)sequence);
    }
}
