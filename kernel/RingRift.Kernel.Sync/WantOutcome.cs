namespace RingRift.Kernel.Sync;

/// <summary>What became of one (file, target) want in a planning round.</summary>
internal enum WantOutcome : byte
{
    Planned = 0,
    AlreadyThere = 1,
    Deferred = 2,
    NoSource = 3,
    DiskFull = 4,
    Conflict = 5,
}
