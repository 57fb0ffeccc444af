using RingRift.Kernel.Sync;
using Xunit;

namespace RingRift.Kernel.Tests.Sync;

public sealed class SyncPolicyTests
{
    [Fact]
    public void Default_IsValid() => Assert.Empty(SyncPolicy.Default.Validate());

    [Fact]
    public void Validate_NamesEveryProblem()
    {
        var bad = SyncPolicy.Default with
        {
            PullsPerTargetMax = 0,
            TransfersPerLinkMax = 2000,
            PlanTransfersMax = 0,
            ChunkSize = new ByteSize(100),
            ChunkedAbove = new ByteSize(99),
            SourcesPerFileMax = 0,
            ReplicasMin = 1,
            ModelStaleMax = Duration.FromSeconds(30),
            Disk = DiskThresholds.Default with { AmpleFree = ByteSize.Zero, SafeFree = ByteSize.Zero },
        };
        Assert.Equal(
            [
                "sync_pulls_per_target_max must be within 1..1024 (got 0)",
                "sync_transfers_per_link_max must be within 1..1024 (got 2000)",
                "sync_plan_transfers_max must be within 1..100000 (got 0)",
                "sync_chunked_above (99B) must be at least sync_chunk_size (100B)",
                "sync_sources_per_file_max must be within 1..64 (got 0)",
                "sync_replicas_min must be within 2..16 (got 1)",
                "sync_model_stale_max must be within 1m..24h (got 30s)",
                "disk_ample_free must be positive (got 0B)",
                "disk_safe_free must be positive and at most disk_ample_free (0B) (got 0B)",
            ],
            bad.Validate());
    }
}
