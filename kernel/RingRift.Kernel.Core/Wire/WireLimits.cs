namespace RingRift.Kernel;

/// <summary>
/// The bounds both ends of the wire agree on. The reader rejects anything beyond them as malformed;
/// the writer asserts them, so a message this kernel encodes is always one a peer can decode.
/// </summary>
public static class WireLimits
{
    /// <summary>Longest UTF-8 string field, in bytes.</summary>
    public const int StringBytesMax = 4096;

    /// <summary>Longest node id, in UTF-8 bytes. Configs with a longer one are rejected at validation.</summary>
    public const int NodeIdBytesMax = 256;
}
