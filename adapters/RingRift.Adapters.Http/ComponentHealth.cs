namespace RingRift.Adapters.Http;

/// <summary>One component's health as /status reports it (the seed's "managers" section).</summary>
public sealed record ComponentHealth(string Name, bool Healthy, string Detail);
