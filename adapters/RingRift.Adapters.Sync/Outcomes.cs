using System;
using System.IO;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>Shorthands for transfer outcomes, and how an I/O error maps to one.</summary>
internal static class Outcomes
{
    private const int NoSpaceErrno = 28;

    public static TransferFailed Failed(TransferFailure failure, string reason) => new(failure, reason);

    /// <summary>ENOSPC (and the quota error) is the target's disk; any other I/O error a broken transfer.</summary>
    public static TransferFailed FromIo(IOException e) =>
        e.HResult == NoSpaceErrno || e.Message.Contains("No space left", StringComparison.Ordinal) || e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase)
            ? Failed(TransferFailure.DiskFull, e.Message)
            : Failed(TransferFailure.Unreachable, e.Message);
}
