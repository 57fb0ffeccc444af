using System.Text.Json.Serialization;

namespace RingRift.Adapters.Sync.Json;

/// <summary>Source-generated JSON for the sync endpoints' bodies; snake_case as the rest of the API.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ManifestBody))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(TransferResultBody))]
public sealed partial class SyncJsonContext : JsonSerializerContext;
