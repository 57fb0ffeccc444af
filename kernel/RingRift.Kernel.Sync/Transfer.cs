namespace RingRift.Kernel.Sync;

/// <summary>
/// One planned (or running) transfer: <see cref="Target"/> receives bytes
/// [<see cref="OffsetBytes"/>, OffsetBytes + <see cref="LengthBytes"/>) of <see cref="Path"/> with
/// <see cref="Hash"/> from <see cref="Source"/>, over a connection opened by <see cref="Initiator"/>.
/// A whole-file transfer has offset 0 and length <see cref="FileSize"/>; the ranges of a chunked
/// file are disjoint and cover it. The target verifies the hash of the assembled file before it
/// enters its manifest (whole or absent).
/// </summary>
public readonly record struct Transfer(
    NodeId Target,
    NodeId Source,
    string Path,
    ContentHash Hash,
    ByteSize FileSize,
    long OffsetBytes,
    long LengthBytes,
    SyncPriority Priority,
    TransferInitiator Initiator)
{
    public bool IsWholeFile => OffsetBytes == 0 && LengthBytes == FileSize.Bytes;

    public override string ToString() =>
        $"{Priority} {Path} {Source}->{Target} [{OffsetBytes},{OffsetBytes + LengthBytes}) by {Initiator}";
}
