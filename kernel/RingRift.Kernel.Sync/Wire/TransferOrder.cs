using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The leader's transfers for the node that opens their connections (the target of a pull, the source
/// of a push), from the plan of leader epoch <see cref="Epoch"/>. The node starts each one it does not
/// already run; an order is advice, never a promise, so a lost one only delays the data.
/// </summary>
public sealed record TransferOrder(long Epoch, ImmutableArray<Transfer> Transfers) : SyncMessage
{
    /// <summary>Keeps the encoding under the codec's 64 KiB.</summary>
    public const int TransfersMax = 64;

    public override MessageKind Kind => MessageKind.TransferOrder;

    public override void WriteBody(WireWriter writer)
    {
        Invariant.True(Transfers.Length <= TransfersMax);
        writer.WriteVarInt64(Epoch);
        writer.WriteVarUInt64((ulong)Transfers.Length);
        foreach (var transfer in Transfers) TransferWire.Write(writer, transfer);
    }

    public static TransferOrder Read(ref WireReader reader)
    {
        var epoch = SyncWire.ReadCount(ref reader, "epoch");
        var count = reader.ReadBoundedInt(TransfersMax);
        var transfers = ImmutableArray.CreateBuilder<Transfer>(count);
        for (var i = 0; i < count; i++) transfers.Add(TransferWire.Read(ref reader));
        return new TransferOrder(epoch, transfers.MoveToImmutable());
    }
}
