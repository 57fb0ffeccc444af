using System;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync.Json;

/// <summary>How a transfer ended, as PUT /sync/file and POST /sync/pull answer: bytes stored, or the failure (snake_case).</summary>
public sealed record TransferResultBody(bool Ok, long Bytes, bool FileComplete, string? Failure, string? Error)
{
    public static TransferResultBody From(EffectOutcome outcome) => outcome switch
    {
        TransferCompleted done => new(true, done.Bytes, done.FileComplete, null, null),
        TransferFailed failed => new(false, 0, false, Name(failed.Failure), failed.Reason),
        _ => new(false, 0, false, "unreachable", "unexpected outcome " + outcome),
    };

    public static string Name(TransferFailure failure) => failure switch
    {
        TransferFailure.DiskFull => "disk_full",
        _ => failure.ToString().ToLowerInvariant(),
    };

    public static bool TryParseFailure(string name, out TransferFailure failure)
    {
        foreach (var value in Enum.GetValues<TransferFailure>())
        {
            if (Name(value) != name) continue;
            failure = value;
            return true;
        }
        failure = default;
        return false;
    }
}
