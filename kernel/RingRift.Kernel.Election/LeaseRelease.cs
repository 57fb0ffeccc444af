namespace RingRift.Kernel.Election;

/// <summary>
/// A candidate that lost gives back the grants it collected at <see cref="Epoch"/>, so voters are free
/// at once instead of refusing everyone for a whole lease — without it, candidates that each hold
/// their own vote would split every election. Safe: the sender never leads at that epoch.
/// </summary>
public sealed record LeaseRelease(long Epoch) : Message
{
    public override MessageKind Kind => MessageKind.LeaseRelease;

    public override void WriteBody(WireWriter writer) => writer.WriteVarInt64(Epoch);

    public static LeaseRelease Read(ref WireReader reader) => new(reader.ReadVarInt64());
}
