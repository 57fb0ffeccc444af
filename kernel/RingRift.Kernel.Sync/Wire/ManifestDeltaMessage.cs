namespace RingRift.Kernel.Sync;

/// <summary>One delta of a node's manifest, answering a <see cref="ManifestRequest"/> it can continue.</summary>
public sealed record ManifestDeltaMessage(ManifestDelta Delta) : SyncMessage
{
    public override MessageKind Kind => MessageKind.ManifestDeltaMessage;

    public override void WriteBody(WireWriter writer) => Delta.Write(writer);

    public static ManifestDeltaMessage Read(ref WireReader reader) => new(ManifestDelta.Read(ref reader));
}
