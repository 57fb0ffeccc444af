namespace RingRift.Adapters.Http.Json;

/// <summary>The jobs section of /status: jobs whose processes this node's host owns.</summary>
public sealed record JobsBody(int Running);
