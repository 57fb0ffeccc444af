namespace RingRift.Kernel.Node;

/// <summary>
/// Operator request to the leader: queue <see cref="Count"/> selfplay jobs of <see cref="Config"/> in its
/// job book (a burst of work, as when a new config is opened). Refused on a node that does not lead.
/// </summary>
public sealed record QueueWork(int Count, string Config) : Command
{
    public const int CountMax = 10_000;

    public override string Name => "queue_work";
}
