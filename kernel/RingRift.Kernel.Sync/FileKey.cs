namespace RingRift.Kernel.Sync;

/// <summary>The identity of a file across nodes: the same path with the same content hash.</summary>
internal readonly record struct FileKey(string Path, ContentHash Hash);
