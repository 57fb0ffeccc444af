namespace RingRift.Kernel.Sync;

/// <summary>One page of a node's whole manifest, answering a <see cref="ManifestRequest"/>.</summary>
public sealed record ManifestPageMessage(ManifestPage Page) : SyncMessage
{
    public override MessageKind Kind => MessageKind.ManifestPageMessage;

    public override void WriteBody(WireWriter writer) => Page.Write(writer);

    public static ManifestPageMessage Read(ref WireReader reader) => new(ManifestPage.Read(ref reader));
}
