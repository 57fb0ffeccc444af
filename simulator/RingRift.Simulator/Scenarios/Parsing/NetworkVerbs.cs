using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Verbs that change the network: partition, one_way, heal, flap, network, link_delay.</summary>
internal static class NetworkVerbs
{
    private static readonly ImmutableArray<string> OneWayKeys = ["from", "to"];
    private static readonly ImmutableArray<string> FaultKeys = ["loss", "duplicate", "reorder", "replay"];

    public static readonly ImmutableArray<TimelineVerb> All =
    [
        new("partition", ["from"], ReadPartition),
        new("one_way", [], ReadOneWay),
        new("heal", [], ReadHeal),
        new("flap", ["period"], ReadFlap),
        new("network", [], ReadNetworkFaults),
        new("link_delay", ["per_hour", "to"], c => new LinkDelay(
            c.At, c.Line, c.Node(), c.Entry.Required("per_hour").Duration(), c.Entry.Optional("to")?.Duration())),
    ];

    /// <summary>Without <c>from</c> the group is cut from every other node, which must leave someone outside.</summary>
    private static TimelineEntry ReadPartition(VerbContext c)
    {
        var group = c.Nodes.ResolveList(c.Value, 1, allowLeader: true);
        ImmutableArray<NodeId> other = [];
        if (c.Entry.Optional("from") is { } from)
        {
            other = c.Nodes.ResolveList(from, 1, allowLeader: true);
            NodeDirectory.RequireDisjoint(from, group, other);
        }
        else if (group.Length == c.Nodes.Count)
        {
            throw c.Value.Error("partition names every node, so nothing would be cut off; list one side only");
        }
        return new PartitionNodes(c.At, c.Line, group, other);
    }

    private static TimelineEntry ReadOneWay(VerbContext c)
    {
        var sides = c.Value.Map("one_way", OneWayKeys);
        var from = c.Nodes.ResolveList(sides.Required("from"), 1, allowLeader: true);
        var to = c.Nodes.ResolveList(sides.Required("to"), 1, allowLeader: true);
        NodeDirectory.RequireDisjoint(sides.Required("to"), from, to);
        return new BlockOneWay(c.At, c.Line, from, to);
    }

    /// <summary><c>heal: network</c> names what heals so that a later <c>heal: disk</c> can be added without ambiguity.</summary>
    private static TimelineEntry ReadHeal(VerbContext c)
    {
        var what = c.Value.Scalar("'network'");
        if (what != "network") throw c.Value.Error($"'heal' takes 'network', got '{what}'");
        return new HealNetwork(c.At, c.Line);
    }

    private static TimelineEntry ReadFlap(VerbContext c)
    {
        var link = c.Nodes.ResolveList(c.Value, 2, allowLeader: true);
        if (link.Length != 2) throw c.Value.Error($"'flap' names the two ends of one link, got {link.Length} nodes");
        return new FlapLink(c.At, c.Line, link[0], link[1], c.Entry.Required("period").PositiveDuration());
    }

    /// <summary>Every probability is set at once: one left out becomes 0%, not its previous value.</summary>
    private static TimelineEntry ReadNetworkFaults(VerbContext c)
    {
        var faults = c.Value.Map("network", FaultKeys);
        return new SetNetworkFaults(
            c.At, c.Line,
            faults.Optional("loss")?.Probability() ?? Ratio.Zero,
            faults.Optional("duplicate")?.Probability() ?? Ratio.Zero,
            faults.Optional("reorder")?.Probability() ?? Ratio.Zero,
            faults.Optional("replay")?.Probability() ?? Ratio.Zero);
    }
}
