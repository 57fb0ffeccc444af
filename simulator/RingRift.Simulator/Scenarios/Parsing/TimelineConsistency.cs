using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// Checks the sorted timeline as a story: a node is crashed only while running and restarted only
/// while crashed, and a terminate names a job some earlier launch started. Each of these is
/// almost always a typo in a node id, a job id or a time.
/// </summary>
internal static class TimelineConsistency
{
    public static void Check(ImmutableArray<TimelineEntry> timeline, string sourceName)
    {
        var crashedAt = new Dictionary<NodeId, TimelineEntry>();
        var launched = new HashSet<JobId>();
        var leaderCrashes = 0;
        foreach (var entry in timeline)
        {
            var problem = entry switch
            {
                // 'leader' is resolved when the entry runs: crashing it twice crashes two leaders.
                CrashNode crash when LeaderReference.Is(crash.Node) => null,
                RestartNode restart when LeaderReference.Is(restart.Node) =>
                    leaderCrashes == 0 ? $"restart: no 'crash: leader' before {restart.At} is waiting for its restart" : null,
                CrashNode crash when crashedAt.TryGetValue(crash.Node, out var earlier) =>
                    $"crash: '{crash.Node}' is already crashed at {crash.At} (crashed at line {earlier.SourceLine})",
                RestartNode restart when !crashedAt.ContainsKey(restart.Node) =>
                    $"restart: '{restart.Node}' is not crashed at {restart.At}",
                TerminateCommand terminate when !launched.Contains(terminate.Job) =>
                    $"terminate: no launch before {terminate.At} starts job '{terminate.Job}'",
                _ => null,
            };
            if (problem is not null) throw new ScenarioException(sourceName, entry.SourceLine, problem);
            switch (entry)
            {
                case CrashNode crash when LeaderReference.Is(crash.Node): leaderCrashes++; break;
                case RestartNode restart when LeaderReference.Is(restart.Node): leaderCrashes--; break;
                case CrashNode crash: crashedAt[crash.Node] = crash; break;
                case RestartNode restart: crashedAt.Remove(restart.Node); break;
                case LaunchCommand launch: launched.Add(launch.Job.Id); break;
            }
        }
    }
}
