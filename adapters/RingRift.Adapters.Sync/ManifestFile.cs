using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>One file of the data directory as the manifest lists it: path relative to the data directory, kind, size, XXH128.</summary>
public sealed record ManifestFile(string Path, string Kind, long SizeBytes, ContentHash Hash);
