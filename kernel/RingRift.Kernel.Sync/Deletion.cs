namespace RingRift.Kernel.Sync;

/// <summary>Delete <see cref="Path"/> on <see cref="Node"/>, but only if it still has <see cref="Hash"/> there.</summary>
public readonly record struct Deletion(NodeId Node, string Path, ContentHash Hash, ByteSize Size);
