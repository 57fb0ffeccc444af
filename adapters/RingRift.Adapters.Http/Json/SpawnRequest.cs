namespace RingRift.Adapters.Http.Json;

/// <summary>POST /spawn/selfplay or /spawn/training: the board config ("square8_2p"), GPUs wanted, and an optional job id.</summary>
public sealed record SpawnRequest(string? JobId, string? Config, int? Gpus);
