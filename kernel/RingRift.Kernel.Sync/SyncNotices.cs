namespace RingRift.Kernel.Sync;

/// <summary>The leader planned: transfers ordered, their bytes, wants with no reachable source, wants refused for disk, transfers it counts in flight.</summary>
public sealed record SyncPlanned(long Epoch, int Transfers, long Bytes, int NoSource, int DiskFull, int InFlight) : Notice
{
    public override string Name => "sync_planned";

    public override string Describe() =>
        $"epoch={Epoch} transfers={Transfers} bytes={Bytes} no_source={NoSource} disk_full={DiskFull} in_flight={InFlight}";
}

/// <summary>A transfer this node ran ended: stored (and whether the file is now whole at the target) or failed, with why.</summary>
public sealed record TransferEnded(string Path, NodeId Source, NodeId Target, bool FileComplete, TransferFailure? Failure) : Notice
{
    public override string Name => "transfer_ended";

    public override string Describe() =>
        $"{Path} {Source}->{Target} " + (Failure is { } failure ? "failed=" + failure : "file_complete=" + FileComplete);
}

/// <summary>The leader ordered source cleanup: game files deleted on nodes above their warning disk level, and their bytes.</summary>
public sealed record CleanupPlanned(long Epoch, int Deletions, long Bytes) : Notice
{
    public override string Name => "cleanup_planned";

    public override string Describe() => $"epoch={Epoch} deletions={Deletions} bytes={Bytes}";
}

/// <summary>This node's cleanup of one game file ended: deleted, or not (absent, or its content had changed).</summary>
public sealed record SourceCleaned(string Path, bool Deleted) : Notice
{
    public override string Name => "source_cleaned";

    public override string Describe() => $"{Path} deleted={Deleted}";
}
