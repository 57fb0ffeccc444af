using System;
using RingRift.Kernel.Monitoring;

namespace RingRift.Host.Config;

/// <summary>
/// Predictive monitoring and self-healing on a real node: on with <c>RINGRIFT_MONITORING=1</c> (the
/// defaults of <see cref="MonitoringConfig.Default"/>), off otherwise. The host samples disk, memory and the
/// selfplay games its jobs printed (<c>ProcessJobRunner.SelfplayGamesWritten</c>), at least once per sample
/// interval so the monitor never judges a stale figure.
/// </summary>
internal static class HostMonitoring
{
    public const string Var = "RINGRIFT_MONITORING";

    private static readonly TimeSpan SamplePeriodMax = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SamplePeriodMin = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the host samples itself: every 10 s, or every monitoring sample interval when that is shorter (100 ms at least).</summary>
    public static TimeSpan ResourceSamplePeriod(MonitoringConfig? monitoring)
    {
        if (monitoring is null) return SamplePeriodMax;
        var interval = TimeSpan.FromMilliseconds(monitoring.SampleInterval.WholeMillis);
        return interval < SamplePeriodMin ? SamplePeriodMin : interval < SamplePeriodMax ? interval : SamplePeriodMax;
    }

    public static MonitoringConfig? FromEnv(Func<string, string?> env) =>
        env(Var)?.Trim().ToLowerInvariant() is "1" or "true" or "on" ? MonitoringConfig.Default : null;
}
