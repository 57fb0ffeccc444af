using RingRift.Host.Config;
using RingRift.Host.Resources;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void MemoryUsed_FromMeminfo_IsTotalLessAvailableOverTotal()
    {
        const string meminfo = "MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    4000000 kB\n";

        Assert.Equal(new Ratio(7500), ProcReaders.MemoryUsed(meminfo));
    }

    [Fact]
    public void MemoryUsed_TextWithoutTheFields_IsNull()
    {
        Assert.Null(ProcReaders.MemoryUsed("nothing here"));
    }

    [Fact]
    public void CpuJiffies_AggregateLine_CountsIdleAndIowaitAsNotBusy()
    {
        const string stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n";

        Assert.Equal((150L, 1000L), ProcReaders.CpuJiffies(stat));
    }

    [Fact]
    public void Sampler_OnThisMachine_ReportsMemoryAndDisk()
    {
        using var dir = new Support.TempDir();
        var sampler = new ResourceSampler(dir.Path, static _ => true, System.TimeSpan.FromSeconds(10));

        var sample = sampler.Sample();

        Assert.True(sample.MemoryUsed > Ratio.Zero);
        Assert.True(sample.DiskFree.Bytes > 0);
    }

    [Fact]
    public void Sampler_WithTheRunnersGameCount_PutsItInTheSample()
    {
        using var dir = new Support.TempDir();
        long? games = null;
        var sampler = new ResourceSampler(dir.Path, static _ => true, System.TimeSpan.FromSeconds(10), gamesWritten: () => games);

        Assert.Null(sampler.Sample().GamesWritten);
        games = 12;
        Assert.Equal(12, sampler.Sample().GamesWritten);
    }

    [Fact]
    public void SamplePeriod_FollowsAShortMonitoringInterval_AndIsTenSecondsOtherwise()
    {
        var monitoring = RingRift.Kernel.Monitoring.MonitoringConfig.Default;

        Assert.Equal(System.TimeSpan.FromSeconds(10), HostMonitoring.ResourceSamplePeriod(null));
        Assert.Equal(System.TimeSpan.FromSeconds(10), HostMonitoring.ResourceSamplePeriod(monitoring));
        Assert.Equal(System.TimeSpan.FromSeconds(2), HostMonitoring.ResourceSamplePeriod(monitoring with { SampleInterval = Duration.FromSeconds(2) }));
    }
}
