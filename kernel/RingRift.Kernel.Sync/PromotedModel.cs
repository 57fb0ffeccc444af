namespace RingRift.Kernel.Sync;

/// <summary>The scheduler's promoted generation of one board config, whose model file every GPU node must hold.</summary>
public readonly record struct PromotedModel(string Config, long Generation);
