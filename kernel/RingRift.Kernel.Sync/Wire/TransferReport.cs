namespace RingRift.Kernel.Sync;

/// <summary>
/// How an ordered transfer ended, from the node that ran it to the leader: <see cref="Failure"/> null
/// when its bytes are stored (and <see cref="FileComplete"/> when the target now holds the whole,
/// verified file), otherwise why it failed, so the leader re-plans around the cause.
/// </summary>
public sealed record TransferReport(Transfer Transfer, bool FileComplete, TransferFailure? Failure) : SyncMessage
{
    private const byte Completed = 255;

    public override MessageKind Kind => MessageKind.TransferReport;

    public override void WriteBody(WireWriter writer)
    {
        TransferWire.Write(writer, Transfer);
        writer.WriteBool(FileComplete);
        writer.WriteByte(Failure is { } failure ? (byte)failure : Completed);
    }

    public static TransferReport Read(ref WireReader reader)
    {
        var transfer = TransferWire.Read(ref reader);
        var complete = reader.ReadBool();
        var failure = reader.ReadByte();
        if (failure != Completed && failure > (byte)TransferFailure.Cancelled) throw new MalformedMessageException("unknown transfer failure " + failure);
        return new TransferReport(transfer, complete, failure == Completed ? null : (TransferFailure)failure);
    }
}
