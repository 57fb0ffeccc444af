using System.Collections.Generic;

namespace RingRift.Adapters.Sync.Json;

public sealed record ManifestBody(string NodeId, IReadOnlyList<ManifestFileBody> Files);

public sealed record ManifestFileBody(string Path, string Kind, long SizeBytes, string Hash);
