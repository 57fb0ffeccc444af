using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>What a verb reads an entry from: the entry's keys, the verb's own value, the time and the hosts.</summary>
internal sealed record VerbContext(MapReader Entry, YamlValue Value, Duration At, int Line, NodeDirectory Nodes)
{
    /// <summary>The verb's value as one node id, e.g. <c>crash: lambda-gh200-1</c>.</summary>
    public NodeId Node() => Nodes.Resolve(Value);

    /// <summary>The verb's value as one node id or <c>leader</c>, the node that leads when the entry runs.</summary>
    public NodeId NodeOrLeader() => Nodes.Resolve(Value, allowLeader: true);

    /// <summary>
    /// An option that belongs to some variants of the verb only (<c>slowdown</c> to stragglers):
    /// required where it <paramref name="applies"/>, rejected elsewhere so that it is never silently ignored.
    /// </summary>
    public YamlValue? OptionOnlyFor(string key, bool applies, string variant)
    {
        if (applies) return Entry.Required(key);
        if (Entry.Optional(key) is { } stray) throw stray.Error($"'{key}' applies only to {variant}");
        return null;
    }
}
