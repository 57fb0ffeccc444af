namespace RingRift.Adapters.Http.Json;

/// <summary>Every 4xx/5xx answer: what went wrong, and the status repeated for clients that log bodies only.</summary>
public sealed record ErrorBody(string Error, int Status);
