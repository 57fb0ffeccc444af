using System.Collections.Immutable;
using System.Linq;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs of unattended operation: a burst of queued work, and a disk filling slowly.</summary>
internal static class ScalingVerbs
{
    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("queue_work", ["config"], ReadQueueWork),
        new("disk_fill", ["free_gb", "gb_per_hour"], c => new DiskFill(
            c.At, c.Line, c.Node(), c.Entry.Required("free_gb").Int(0, 100_000_000), c.Entry.Required("gb_per_hour").Int(1, 1_000_000))),
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
