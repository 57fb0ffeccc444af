using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class GpuPowerRankingTests
{
    [Theory]
    [InlineData("NVIDIA GH200 480GB", GpuClass.H200)]
    [InlineData("nvidia h200", GpuClass.H200)]
    [InlineData("NVIDIA H100 80GB HBM3", GpuClass.H100)]
    [InlineData("NVIDIA A100-SXM4-80GB", GpuClass.A100)]
    [InlineData("GRID A100D-20C", GpuClass.A100)]
    [InlineData("NVIDIA A10G", GpuClass.A10)]
    [InlineData("NVIDIA A10", GpuClass.A10)]
    [InlineData("NVIDIA L40S", GpuClass.L40)]
    [InlineData("NVIDIA GeForce RTX 5090", GpuClass.Rtx5090)]
    [InlineData("RTX 4090", GpuClass.Rtx4090)]
    [InlineData("NVIDIA GeForce RTX 4060 Ti", GpuClass.Rtx4060)]
    [InlineData("RTX 3090", GpuClass.Rtx3090)]
    [InlineData("Tesla V100-SXM2-16GB", GpuClass.V100)]
    [InlineData("Apple M3 (MPS)", GpuClass.AppleM3)]
    [InlineData("Apple MPS", GpuClass.AppleMps)]
    [InlineData("Tesla T4", GpuClass.Unknown)]
    [InlineData("", GpuClass.None)]
    [InlineData(null, GpuClass.None)]
    public void FromModel_MatchesTheOriginalTableInOrder(string? model, GpuClass expected)
    {
        Assert.Equal(expected, GpuPowerRanking.FromModel(model));
    }

    [Fact]
    public void FromProfile_CountedGpuWithBlankModel_IsUnknownNotCpu()
    {
        Assert.Equal(GpuClass.Unknown, GpuPowerRanking.FromProfile(new GpuProfile("", 1, 24)));
        Assert.Equal(GpuClass.None, GpuPowerRanking.FromProfile(GpuProfile.None));
        Assert.Equal(GpuClass.H200, GpuPowerRanking.FromProfile(new GpuProfile("GH200", 1, 96)));
    }

    [Fact]
    public void Score_IsTheOriginalTable()
    {
        Assert.Equal(2500, GpuPowerRanking.Score(GpuClass.H200));
        Assert.Equal(2000, GpuPowerRanking.Score(GpuClass.H100));
        Assert.Equal(624, GpuPowerRanking.Score(GpuClass.A100));
        Assert.Equal(419, GpuPowerRanking.Score(GpuClass.Rtx5090));
        Assert.Equal(362, GpuPowerRanking.Score(GpuClass.L40));
        Assert.Equal(330, GpuPowerRanking.Score(GpuClass.Rtx4090));
        Assert.Equal(142, GpuPowerRanking.Score(GpuClass.Rtx3090));
        Assert.Equal(10, GpuPowerRanking.Score(GpuClass.Unknown));
        Assert.Equal(0, GpuPowerRanking.Score(GpuClass.None));
    }

    [Fact]
    public void Score_EveryGpuClassScoresAboveNoGpu()
    {
        foreach (var gpu in System.Enum.GetValues<GpuClass>())
            if (gpu != GpuClass.None) Assert.True(GpuPowerRanking.Score(gpu) > 0, gpu.ToString());
    }

    [Fact]
    public void Score_RisesStrictlyInDeclarationOrder()
    {
        var classes = System.Enum.GetValues<GpuClass>();
        for (var i = 1; i < classes.Length; i++)
            Assert.True(GpuPowerRanking.Score(classes[i]) > GpuPowerRanking.Score(classes[i - 1]), classes[i].ToString());
        Assert.Equal(0, GpuPowerRanking.Score((GpuClass)200));
    }

    [Theory]
    [InlineData(GpuClass.H200, 1, 4)]
    [InlineData(GpuClass.H100, 2, 8)]
    [InlineData(GpuClass.H100, 4, 16)]
    [InlineData(GpuClass.H100, 8, 32)]
    [InlineData(GpuClass.H100, 16, 32)]
    [InlineData(GpuClass.A100, 1, 3)]
    [InlineData(GpuClass.Rtx4090, 8, 24)]
    [InlineData(GpuClass.Rtx3060, 1, 2)]
    [InlineData(GpuClass.None, 0, 2)]
    [InlineData(GpuClass.Rtx4090, 0, 2)]
    public void TargetSelfplayJobs_PerGpuTimesCount_CappedPerNode(GpuClass gpu, int count, int expected)
    {
        Assert.Equal(expected, GpuPowerRanking.TargetSelfplayJobs(gpu, count, SchedulingPolicy.Default));
    }

    [Theory]
    [InlineData(GpuClass.H200, 500)]
    [InlineData(GpuClass.Rtx5090, 300)]
    [InlineData(GpuClass.Rtx3090, 200)]
    [InlineData(GpuClass.Rtx3060, 100)]
    public void GamesPerSelfplayJob_ByClass(GpuClass gpu, int expected)
    {
        Assert.Equal(expected, GpuPowerRanking.GamesPerSelfplayJob(gpu));
    }
}
