namespace RingRift.Host.Driver;

public sealed partial class NodeDriver
{
    /// <summary>Logs and forwards the notices that are cluster events; null: they are not published.</summary>
    public ClusterEventPublisher? Events { get; set; }
}
