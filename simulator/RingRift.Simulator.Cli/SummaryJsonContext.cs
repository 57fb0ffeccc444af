using System.Text.Json.Serialization;

namespace RingRift.Simulator.Cli;

/// <summary>Source-generated System.Text.Json metadata: snake_case, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SummaryJson))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
