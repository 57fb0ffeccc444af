using System.Collections.Immutable;

namespace RingRift.Kernel;

/// <summary>
/// The host's report of the files in this node's data directory, so the kernel never scans a disk:
/// <see cref="Changed"/> lists files written or verified (a completed selfplay database, a trained
/// model, a file whose transfer completed and verified) and <see cref="Removed"/> paths that are gone.
/// With <see cref="WholeDisk"/> the report is the whole directory (at boot, or after the disk was
/// replaced or wiped): anything the kernel held that is not listed is gone. Disk size and free space
/// ride along, as they change with the files.
/// </summary>
public sealed record FilesObserved(
    ImmutableArray<StoredFile> Changed,
    ImmutableArray<string> Removed,
    bool WholeDisk,
    ByteSize DiskTotal,
    ByteSize DiskFree) : KernelInput;
