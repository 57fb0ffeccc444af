namespace RingRift.Simulator.Cli;

/// <summary>One violation in the JSON summary.</summary>
internal sealed record ViolationJson(string Checker, double AtSeconds, string Message);
