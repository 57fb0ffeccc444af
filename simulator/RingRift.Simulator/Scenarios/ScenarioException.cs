using System;

namespace RingRift.Simulator.Scenarios;

/// <summary>A scenario file that cannot be run: names the file, the line and the problem.</summary>
public sealed class ScenarioException(string source, int line, string problem)
    : Exception($"{source}:{line}: {problem}")
{
    public string FileName => source;
    public int Line => line;
    public string Problem => problem;
}
