namespace RingRift.Adapters.Http.Json;

/// <summary>One kernel machine's health in /status (the seed's "loops": healthy, message, cycles, last run, errors, average).</summary>
public sealed record LoopBody(bool Healthy, string Message, long Cycles, double? LastRunSeconds, long Errors, double AverageIntervalSeconds);
