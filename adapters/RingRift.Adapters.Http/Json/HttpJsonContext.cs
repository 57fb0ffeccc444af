using System.Text.Json.Serialization;

namespace RingRift.Adapters.Http.Json;

/// <summary>Source-generated JSON for every body the HTTP adapter reads or writes; snake_case as the seed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(StatusBody))]
[JsonSerializable(typeof(HealthBody))]
[JsonSerializable(typeof(AlertsBody))]
[JsonSerializable(typeof(SpawnRequest))]
[JsonSerializable(typeof(SpawnResult))]
public sealed partial class HttpJsonContext : JsonSerializerContext;
