namespace RingRift.Kernel;

/// <summary>
/// What one <see cref="StartTransfer"/> moves: bytes [<see cref="OffsetBytes"/>,
/// OffsetBytes + <see cref="LengthBytes"/>) of the file at <see cref="Path"/> (relative to the data
/// directory) whose whole content hashes to <see cref="Hash"/> and is <see cref="FileBytes"/> long,
/// from <see cref="Source"/> to <see cref="Target"/>. A whole-file transfer has offset 0 and length
/// FileBytes; the chunks of one file are disjoint and cover it. The target verifies the hash of the
/// assembled file before it becomes visible.
/// </summary>
public sealed record TransferSpec(
    NodeId Source,
    NodeId Target,
    string Path,
    ContentHash Hash,
    long FileBytes,
    long OffsetBytes,
    long LengthBytes)
{
    public bool IsWholeFile => OffsetBytes == 0 && LengthBytes == FileBytes;

    /// <summary>True when <paramref name="self"/> opens the connection by pulling (it is the target).</summary>
    public bool IsPullBy(NodeId self) => Target == self;
}
