using System.Collections.Immutable;
using System.Linq;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs of unattended operation: a burst of queued work (a filling disk is the operations verb <c>disk_fill</c>).</summary>
internal static class ScalingVerbs
{
    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("queue_work", ["config"], ReadQueueWork),
    ];

    private static TimelineEntry ReadQueueWork(VerbContext c)
    {
        var configValue = c.Entry.Required("config");
        var config = configValue.Scalar("a game configuration such as square8_2p");
        if (!BoardConfigs.Names.Contains(config))
            throw configValue.Error($"unknown config '{config}'{Spelling.Hint(config, BoardConfigs.Names)}; configs: {string.Join(", ", BoardConfigs.Names)}");
        return new QueueWorkCommand(c.At, c.Line, c.Value.Int(1, Kernel.Node.QueueWork.CountMax), config);
    }
}
