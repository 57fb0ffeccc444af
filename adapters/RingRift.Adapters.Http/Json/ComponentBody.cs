namespace RingRift.Adapters.Http.Json;

/// <summary>One component's health in /status.</summary>
public sealed record ComponentBody(bool Healthy, string Detail);
