using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>timeline</c> list. Each entry is a mapping of <c>at</c> plus exactly one verb key and
/// that verb's options. Entries may be written in any order: they are sorted stably by time, so
/// entries at the same time keep their file order. Times may not pass the scenario's duration.
/// </summary>
internal static class TimelineSection
{
    /// <summary>Every verb, in the order the README lists them.</summary>
    private static readonly ImmutableArray<TimelineVerb> AllVerbs =
        [.. NodeVerbs.All, .. FaultVerbs.All, .. NetworkVerbs.All, .. JobVerbs.All, .. SyncVerbs.All, .. OperationsVerbs.All,
         .. ScalingVerbs.All];

    private static readonly ImmutableDictionary<string, TimelineVerb> Verbs = AllVerbs.ToImmutableDictionary(v => v.Name);

    private static readonly string VerbListing = string.Join(", ", AllVerbs.Select(v => v.Name));

    public static ImmutableArray<TimelineEntry> Read(MapReader root, Duration duration, NodeDirectory nodes)
    {
        if (root.Optional("timeline") is not { } value) return [];
        var entries = new List<TimelineEntry>();
        foreach (var item in value.Items()) entries.Add(ReadEntry(item, duration, nodes));
        var timeline = entries.OrderBy(e => e.At).ToImmutableArray();
        TimelineConsistency.Check(timeline, value.SourceName);
        return timeline;
    }

    /// <summary>The entry's <c>at</c>: required, and no later than the scenario's <paramref name="duration"/>.</summary>
    public static Duration ReadAt(MapReader entry, Duration duration)
    {
        var value = entry.Required("at");
        var at = value.Duration();
        if (at > duration) throw value.Error($"'at' {at} is beyond the scenario's duration {duration}");
        return at;
    }

    private static TimelineEntry ReadEntry(YamlValue item, Duration duration, NodeDirectory nodes)
    {
        var verb = FindVerb(item.OpenMap("a timeline entry"));
        var entry = item.Map($"a '{verb.Name}' entry", verb.Keys);
        var at = ReadAt(entry, duration);
        return verb.Parse(new VerbContext(entry, entry.Required(verb.Name), at, item.Line, nodes));
    }

    private static TimelineVerb FindVerb(MapReader entry)
    {
        var verbs = entry.Keys.Where(Verbs.ContainsKey).ToList();
        if (verbs.Count > 1)
            throw entry.Error($"a timeline entry has exactly one verb, but this one has '{verbs[0]}' and '{verbs[1]}'; split it in two");
        if (verbs.Count == 1) return Verbs[verbs[0]];
        var unknown = entry.Keys.FirstOrDefault(k => k != "at");
        if (unknown is null) throw entry.Error($"a timeline entry needs a verb besides 'at': one of {VerbListing}");
        throw entry.ErrorAtKey(unknown, $"unknown verb '{unknown}' in a timeline entry{Spelling.Hint(unknown, Verbs.Keys)}; verbs: {VerbListing}");
    }
}
