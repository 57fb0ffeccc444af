namespace RingRift.Kernel;

/// <summary>
/// One file as the host found it: path under the data directory, kind (1 game database, 2 training
/// file, 3 model: the sync wire's encoding), board config ("" when none), size and content hash.
/// </summary>
public sealed record StoredFile(string Path, byte Kind, string ConfigKey, ByteSize Size, ContentHash Hash);
