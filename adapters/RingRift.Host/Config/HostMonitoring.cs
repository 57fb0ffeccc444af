using System;
using RingRift.Kernel.Monitoring;

namespace RingRift.Host.Config;

/// <summary>
/// Predictive monitoring and self-healing on a real node: on with <c>RINGRIFT_MONITORING=1</c> (the
/// defaults of <see cref="MonitoringConfig.Default"/>), off otherwise. The host samples disk and memory;
/// it counts no games, so selfplay stall detection stays off here (see <c>ResourceSample.GamesWritten</c>).
/// </summary>
internal static class HostMonitoring
{
    public const string Var = "RINGRIFT_MONITORING";

    public static MonitoringConfig? FromEnv(Func<string, string?> env) =>
        env(Var)?.Trim().ToLowerInvariant() is "1" or "true" or "on" ? MonitoringConfig.Default : null;
}
