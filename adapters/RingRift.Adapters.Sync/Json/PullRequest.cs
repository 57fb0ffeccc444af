namespace RingRift.Adapters.Sync.Json;

/// <summary>POST /sync/pull: fetch <c>path</c> (all of it, or a range) from <c>source</c>; hash and size as the source's manifest lists them.</summary>
public sealed record PullRequest(string? Source, string? Path, string? Hash, long? SizeBytes, long? OffsetBytes, long? LengthBytes);
