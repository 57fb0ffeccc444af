namespace RingRift.Adapters.Http.Json;

/// <summary>The kernel's answer to a spawn.</summary>
public sealed record SpawnResult(bool Accepted, string JobId, string Detail);
