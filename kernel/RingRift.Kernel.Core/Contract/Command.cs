namespace RingRift.Kernel;

/// <summary>A request from the API or an operator. Immutable; concrete commands live with their machines.</summary>
public abstract record Command
{
    /// <summary>Stable name for logs and traces, e.g. "launch_job".</summary>
    public abstract string Name { get; }
}
