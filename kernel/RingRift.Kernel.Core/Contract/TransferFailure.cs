namespace RingRift.Kernel;

/// <summary>Why a transfer failed; the sync machine re-plans differently for each.</summary>
public enum TransferFailure
{
    /// <summary>The other end could not be reached, or the connection broke.</summary>
    Unreachable,

    /// <summary>The source no longer holds the file with the planned hash.</summary>
    Missing,

    /// <summary>No progress within the policy's stall bound.</summary>
    Stalled,

    /// <summary>The assembled file's hash did not match; the bytes were discarded.</summary>
    Corrupt,

    /// <summary>The target had no room (or passed its critical disk level).</summary>
    DiskFull,

    /// <summary>A <see cref="CancelTransfer"/> stopped it.</summary>
    Cancelled,
}
