using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>A burst of work: the leader is asked to queue <see cref="Count"/> selfplay jobs of <see cref="Config"/>.</summary>
public sealed record QueueWorkCommand(Duration At, int SourceLine, int Count, string Config) : TimelineEntry(At, SourceLine)
{
    public override string Verb => "queue_work";
}
