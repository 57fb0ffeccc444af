using System;
using System.Collections.Immutable;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Cli;

/// <summary>One finished run: the simulator's report plus what only the host knows (path, wall time).</summary>
internal sealed record RunResult(string ScenarioPath, RunReport Report, TimeSpan Wall, bool Swarm, ImmutableArray<string> FaultKinds)
{
    public bool Failed => !Report.Violations.IsEmpty || !Report.ExpectationFailures.IsEmpty;

    public double EventsPerWallSecond => Wall.TotalSeconds > 0 ? Report.Events / Wall.TotalSeconds : 0;

    public string Replay => ReplayCommand.For(ScenarioPath, Report.Seed, Swarm);

    public int ExitCode => Failed ? ExitCodes.Violation : ExitCodes.Passed;

    /// <summary>Each time leadership was lost, how long until a new leader (microseconds); kept by swarm reports.</summary>
    public ImmutableArray<long> LeaderGapsMicros { get; init; } = ImmutableArray<long>.Empty;

    /// <summary>The figures a swarm report keeps from the timeline, and the result without it (a swarm holds every seed's result).</summary>
    public RunResult WithoutTimeline() => Report.Timeline is not { } timeline ? this : this with
    {
        Report = Report with { Timeline = null },
        LeaderGapsMicros = timeline.LeaderGapsMicros(),
    };
}
