using System.Collections.Generic;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Membership quality over many runs of one scenario, as <c>ringrift-sim measure</c> prints it: the time
/// until every observer saw a crashed node Dead (p50, p99 and max over all completed detections; the
/// nearest-rank percentile, so with fewer than 100 samples p99 is the maximum), false dead declarations
/// per million member-periods, and membership messages (heartbeat or SWIM kinds: no election or other
/// traffic) sent per member per period. A member-period is one node running for one protocol period
/// (the SWIM period, or the heartbeat interval in heartbeat mode).
/// </summary>
public sealed record MembershipFigures(
    int Runs,
    int Detections,
    int DetectionsIncomplete,
    Duration DetectionP50,
    Duration DetectionP99,
    Duration DetectionMax,
    long FalseDeadDeclarations,
    double MemberPeriods,
    double FalseDeadPerMillionMemberPeriods,
    double MessagesPerMemberPeriod)
{
    public static MembershipFigures From(IReadOnlyList<RunReport> reports, Duration period)
    {
        var detections = new List<Duration>();
        long incomplete = 0, falseDead = 0, messages = 0, runningMicros = 0;
        foreach (var report in reports)
        {
            detections.AddRange(report.DeathDetections);
            incomplete += report.DeathDetectionsIncomplete;
            falseDead += report.FalseDeadDeclarations;
            messages += report.MembershipMessagesSent;
            runningMicros += report.NodeRunningTime.Micros;
        }
        detections.Sort();
        var memberPeriods = (double)runningMicros / period.Micros;
        return new MembershipFigures(
            reports.Count, detections.Count, (int)incomplete,
            NearestRank.Of(detections, 50), NearestRank.Of(detections, 99), detections.Count == 0 ? Duration.Zero : detections[^1],
            falseDead, memberPeriods,
            memberPeriods > 0 ? falseDead * 1e6 / memberPeriods : 0,
            memberPeriods > 0 ? messages / memberPeriods : 0);
    }

}
