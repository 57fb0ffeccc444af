using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Cli;

/// <summary>
/// Time to a new leader after a leader crash, over many runs: every <see cref="RunReport.Failovers"/>
/// sample, nearest-rank p50 and p99 and the maximum (as <see cref="MembershipFigures.Percentile"/>).
/// </summary>
internal sealed record FailoverFigures(int Count, Duration P50, Duration P99, Duration Max)
{
    public static FailoverFigures From(RunReport[] reports)
    {
        var samples = new List<Duration>();
        foreach (var report in reports) samples.AddRange(report.Failovers);
        samples.Sort();
        return new FailoverFigures(
            samples.Count, NearestRank.Of(samples, 50), NearestRank.Of(samples, 99),
            samples.Count == 0 ? Duration.Zero : samples[^1]);
    }
}
