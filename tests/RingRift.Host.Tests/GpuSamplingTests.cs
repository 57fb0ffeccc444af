using System;
using System.IO;
using System.Threading.Tasks;
using RingRift.Host.Resources;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>nvidia-smi output parsed from captured samples, and a stand-in nvidia-smi program on PATH.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GpuSamplingTests
{
    private const string EightH100 = """
        NVIDIA H100 80GB HBM3, 81559, 1, 0
        NVIDIA H100 80GB HBM3, 81559, 70211, 97
        NVIDIA H100 80GB HBM3, 81559, 70211, 100
        NVIDIA H100 80GB HBM3, 81559, 70211, 99
        NVIDIA H100 80GB HBM3, 81559, 70211, 98
        NVIDIA H100 80GB HBM3, 81559, 70211, 96
        NVIDIA H100 80GB HBM3, 81559, 70211, 95
        NVIDIA H100 80GB HBM3, 81559, 70211, 94

        """;

    [Fact]
    public void Parse_EightGpus_ReadsNameMemoryAndUtilisation()
    {
        var report = NvidiaSmi.Parse(EightH100);

        Assert.Equal(8, report.Gpus.Count);
        Assert.Equal(0, report.MalformedLines);
        Assert.Equal(new GpuReading("NVIDIA H100 80GB HBM3", 81559, 70211, 97), report.Gpus[1]);
    }

    [Fact]
    public void Parse_NameWithCommas_TakesTheNumbersFromTheRight()
    {
        var gpu = Assert.Single(NvidiaSmi.Parse("NVIDIA GeForce RTX 4090, rev A, 24564, 12, 40\n").Gpus);

        Assert.Equal("NVIDIA GeForce RTX 4090, rev A", gpu.Name);
        Assert.Equal(40, gpu.UtilizationPercent);
    }

    [Theory]
    [InlineData("NVIDIA A10, 23028, [N/A], 5")]
    [InlineData("NVIDIA A10, 23028, 100, [Not Supported]")]
    [InlineData("NVIDIA A10, 23028")]
    [InlineData(", 23028, 1, 1")]
    [InlineData("NVIDIA A10, 100, 200, 5")]
    [InlineData("NVIDIA A10, 23028, 1, 101")]
    [InlineData("No devices were found")]
    public void Parse_MalformedLine_IsSkippedAndCounted(string line)
    {
        var report = NvidiaSmi.Parse("NVIDIA A10, 23028, 1, 50\n" + line + "\n");

        Assert.Single(report.Gpus);
        Assert.Equal(1, report.MalformedLines);
    }

    [Fact]
    public void Judge_FewerGpusThanTheProfile_IsFailed_ElseHealthyWithMeanUtilisation()
    {
        var report = NvidiaSmi.Parse("A, 10, 1, 20\nA, 10, 1, 60\n");

        Assert.Equal((Ratio.Of(80, 200), GpuHealth.Healthy), GpuSampler.Judge(report, expectedGpus: 2));
        Assert.Equal(GpuHealth.Failed, GpuSampler.Judge(report, expectedGpus: 3).Health);
    }

    [Fact]
    public async Task Sample_WithoutNvidiaSmi_IsTheStaticProfile()
    {
        using var dir = new TempDir();

        Assert.Null(NvidiaSmi.Locate(dir.Path));
        Assert.Equal((Ratio.Zero, GpuHealth.Healthy), await new GpuSampler(null, 1).SampleAsync());
    }

    [Fact]
    public async Task Sample_NvidiaSmiOnPath_IsRunAndParsed()
    {
        using var dir = new TempDir();
        var program = dir.File("nvidia-smi");
        File.WriteAllText(program, "#!/bin/sh\nprintf 'NVIDIA L40S, 46068, 2000, 30\\nNVIDIA L40S, 46068, 4000, 50\\n'\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var sampler = new GpuSampler(NvidiaSmi.Locate("/nonexistent:" + dir.Path), expectedGpus: 2);

        var (busy, health) = await sampler.SampleAsync();

        Assert.Equal(GpuHealth.Healthy, health);
        Assert.Equal(Ratio.Of(80, 200), busy);
        Assert.Equal(2, sampler.Last.Gpus.Count);
    }

    [Fact]
    public async Task Sample_NvidiaSmiFails_IsFailed()
    {
        using var dir = new TempDir();
        var program = dir.File("nvidia-smi");
        File.WriteAllText(program, "#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(GpuHealth.Failed, (await new GpuSampler(program, 1).SampleAsync()).Health);
    }
}
