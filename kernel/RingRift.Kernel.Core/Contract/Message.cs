namespace RingRift.Kernel;

/// <summary>
/// A message between kernels. Immutable. Each concrete message has a stable <see cref="Kind"/>
/// (its wire tag) and a canonical encoding; decoding lives with the codec in Kernel.Node.
/// </summary>
public abstract record Message
{
    /// <summary>Stable wire tag; never reused for another message type.</summary>
    public abstract MessageKind Kind { get; }

    /// <summary>Writes the body (without the tag) in canonical form.</summary>
    public abstract void WriteBody(WireWriter writer);
}
