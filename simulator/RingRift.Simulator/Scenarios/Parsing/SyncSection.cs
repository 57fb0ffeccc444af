using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The optional <c>sync</c> block (see <see cref="SyncSpec"/>); absent means sync is off. Sizes and bandwidths in whole megabytes.</summary>
internal static class SyncSection
{
    private const int MegabytesMax = 10_000_000;

    private static readonly ImmutableArray<string> Keys =
    [
        "canonical", "same_provider_mb_per_s", "cross_provider_mb_per_s", "nat_mb_per_s", "fail", "stall", "corrupt",
        "game_mb", "model_mb", "canonical_bound", "model_bound", "files",
    ];

    private static readonly ImmutableArray<string> FileKeys = ["on", "count", "mb"];

    public static SyncSpec? Read(MapReader root, NodeDirectory nodes)
    {
        if (root.Optional("sync") is not { } value) return null;
        var map = value.Map("sync", Keys);
        var files = ImmutableArray.CreateBuilder<SeedFiles>();
        if (map.Optional("files") is { } list)
            foreach (var item in list.Items())
            {
                var entry = item.Map("sync.files entry", FileKeys);
                var count = entry.Required("count").Int(1, 1_000_000);
                var bytes = Megabytes(entry.Required("mb"));
                foreach (var node in nodes.ResolveList(entry.Required("on"), 1)) files.Add(new SeedFiles(node, count, bytes));
            }
        return new SyncSpec(
            nodes.Resolve(map.Required("canonical")),
            Megabytes(map.Optional("same_provider_mb_per_s"), 100),
            Megabytes(map.Optional("cross_provider_mb_per_s"), 25),
            Megabytes(map.Optional("nat_mb_per_s"), 5),
            Faults(map),
            Megabytes(map.Optional("game_mb"), 2),
            Megabytes(map.Optional("model_mb"), 200),
            map.Optional("canonical_bound")?.PositiveDuration() ?? Duration.FromMinutes(30),
            map.Optional("model_bound")?.PositiveDuration() ?? Duration.FromMinutes(30),
            files.ToImmutable());
    }

    /// <summary>The <c>fail</c>, <c>stall</c> and <c>corrupt</c> probabilities of a block or entry; 0 when absent.</summary>
    public static LinkFaults Faults(MapReader map) => new(
        map.Optional("fail")?.Probability() ?? Ratio.Zero,
        map.Optional("stall")?.Probability() ?? Ratio.Zero,
        map.Optional("corrupt")?.Probability() ?? Ratio.Zero);

    public static long Megabytes(YamlValue value) => value.Integer(1, MegabytesMax) * 1_000_000;

    private static long Megabytes(YamlValue? value, long fallback) => value is null ? fallback * 1_000_000 : Megabytes(value);
}
