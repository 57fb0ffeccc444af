namespace RingRift.Simulator.Scenarios;

/// <summary>A summary figure the run must end with exactly, e.g. leader_changes = 2.</summary>
public sealed record ExpectedFigure(string Name, long Value, int SourceLine);
