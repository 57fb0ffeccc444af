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
}
