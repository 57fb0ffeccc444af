namespace RingRift.Host.Driver;

public sealed partial class NodeDriver
{
    /// <summary>Runs the auto-scaler's provision and decommission effects; null leaves them unhandled (logged).</summary>
    public ProviderCommands? Provider { get; set; }
}
