using RingRift.Kernel.Sync;
using Xunit;

namespace RingRift.Kernel.Tests.Sync;

public sealed class DiskThresholdsTests
{
    [Theory]
    [InlineData(96, 20, DiskLevel.Normal)]    // 79 % used: below warning
    [InlineData(96, 14, DiskLevel.Warning)]   // 85.4 % used
    [InlineData(96, 5, DiskLevel.Warning)]    // 5 GB free: above the 4.8 GB critical reserve
    [InlineData(96, 4, DiskLevel.Critical)]
    [InlineData(926, 231, DiskLevel.Normal)]  // the original's halt: 75 % used, far from any threshold
    [InlineData(926, 120, DiskLevel.Normal)]  // 87 % used, but 120 GB free is ample
    [InlineData(926, 99, DiskLevel.Warning)]  // below ample and above 85 %
    [InlineData(926, 40, DiskLevel.Warning)]  // 95.7 % used, but 40 GB free is safe
    [InlineData(926, 19, DiskLevel.Critical)] // below the 20 GB safe cap
    [InlineData(2000, 60, DiskLevel.Warning)] // a large disk warns before it is critical
    [InlineData(4000, 150, DiskLevel.Normal)] // 96 % used of 4 TB, still ample
    public void Level_UsesTheSmallerOfRatioAndAmpleReserve(long totalGb, long freeGb, DiskLevel expected) =>
        Assert.Equal(expected, DiskThresholds.Default.Level(ByteSize.FromGigabytes(totalGb), ByteSize.FromGigabytes(freeGb)));

    [Fact]
    public void Reserves_AndHeadroom_AreExact()
    {
        var d = DiskThresholds.Default;
        Assert.Equal(new ByteSize(4_800_000_000), d.CriticalReserve(ByteSize.FromGigabytes(96)));
        Assert.Equal(new ByteSize(14_400_000_000), d.WarningReserve(ByteSize.FromGigabytes(96)));
        Assert.Equal(ByteSize.FromGigabytes(20), d.CriticalReserve(ByteSize.FromGigabytes(10_000)));
        Assert.Equal(ByteSize.FromGigabytes(100), d.WarningReserve(ByteSize.FromGigabytes(10_000)));
        Assert.Equal(new ByteSize(5_200_000_000), d.Headroom(ByteSize.FromGigabytes(96), ByteSize.FromGigabytes(10)));
        Assert.Equal(ByteSize.Zero, d.Headroom(ByteSize.FromGigabytes(96), ByteSize.FromGigabytes(1)));
        Assert.Equal(ByteSize.Zero, d.CriticalReserve(ByteSize.Zero));
    }

    [Fact]
    public void Reserve_OfTheLargestDisk_DoesNotOverflow() =>
        Assert.Equal(ByteSize.FromGigabytes(20), DiskThresholds.Default.CriticalReserve(new ByteSize(long.MaxValue)));

    [Fact]
    public void Validate_NamesEveryProblem()
    {
        var bad = new DiskThresholds(Ratio.FromPercent(96), Ratio.FromPercent(90), ByteSize.Zero, new ByteSize(5));
        Assert.Equal(
            [
                "disk_warning_used (96.00%) must not exceed disk_critical_used (90.00%)",
                "disk_ample_free must be positive (got 0B)",
                "disk_safe_free must be positive and at most disk_ample_free (0B) (got 5B)",
            ],
            bad.Validate());
        Assert.Equal(
            ["disk_warning_used must be within (0%, 100%] (got 0.00%)", "disk_critical_used must be within (0%, 100%] (got 101.00%)"],
            new DiskThresholds(Ratio.Zero, Ratio.FromPercent(101), ByteSize.FromGigabytes(1), ByteSize.FromGigabytes(1)).Validate());
        Assert.Empty(DiskThresholds.Default.Validate());
    }
}
