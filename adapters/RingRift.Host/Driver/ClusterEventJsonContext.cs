using System.Text.Json.Serialization;

namespace RingRift.Host.Driver;

/// <summary>Source-generated JSON for the event webhook; snake_case as the seed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ClusterEventBody))]
public sealed partial class ClusterEventJsonContext : JsonSerializerContext;
