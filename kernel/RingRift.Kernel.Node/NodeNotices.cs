namespace RingRift.Kernel.Node;

/// <summary>The kernel started with a new incarnation (boot count), not yet durable.</summary>
public sealed record NodeStarted(long Incarnation) : Notice
{
    public override string Name => "node_started";
    public override string Describe() => $"incarnation={Incarnation}";
}

/// <summary>A state version became durable; messages that waited for it are released.</summary>
public sealed record StateDurable(long Version) : Notice
{
    public override string Name => "state_durable";
    public override string Describe() => $"version={Version}";
}

/// <summary>A persist failed and will be retried.</summary>
public sealed record PersistRetrying(long Version, string Reason) : Notice
{
    public override string Name => "persist_retrying";
    public override string Describe() => $"version={Version} reason={Reason}";
}
