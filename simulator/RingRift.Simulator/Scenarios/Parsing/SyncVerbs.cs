using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs of data sync: write_games, disk_wipe, delete_games, disk_level, sync_link.</summary>
internal static class SyncVerbs
{
    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("write_games", ["count", "mb"], c => new WriteGames(
            c.At, c.Line, c.Node(), c.Entry.Required("count").Int(1, 1_000_000), SyncSection.Megabytes(c.Entry.Required("mb")))),
        new("disk_wipe", [], c => new WipeDisk(c.At, c.Line, c.Node())),
        new("delete_games", [], c => new DeleteGames(c.At, c.Line, c.Node())),
        new("disk_level", ["used"], c => new FillDisk(c.At, c.Line, c.Node(), c.Entry.Required("used").Probability())),
        new("sync_link", ["fail", "stall", "corrupt", "mb_per_s"], ReadLink),
    ];

    /// <summary><c>sync_link: [a, b]</c>: the two ends, then the link's faults and optional bandwidth.</summary>
    private static TimelineEntry ReadLink(VerbContext c)
    {
        var ends = c.Nodes.ResolveList(c.Value, 2);
        if (ends.Length != 2 || ends[0] == ends[1]) throw c.Value.Error("sync_link names two different nodes, e.g. [a, b]");
        var bandwidth = c.Entry.Optional("mb_per_s") is { } mb ? SyncSection.Megabytes(mb) : (long?)null;
        return new SetLinkFaults(c.At, c.Line, ends[0], ends[1], SyncSection.Faults(c.Entry), bandwidth);
    }
}
