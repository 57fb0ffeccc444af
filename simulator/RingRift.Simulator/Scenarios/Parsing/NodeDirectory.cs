using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The simulated hosts by id, for resolving every node a scenario names: an unknown id is an
/// error with a spelling hint, an offline host an error of its own (it is not simulated).
/// </summary>
internal sealed class NodeDirectory(ImmutableSortedDictionary<string, NodeProfile> running, ImmutableHashSet<string> offline)
{
    /// <summary>How many hosts are simulated.</summary>
    public int Count => running.Count;

    public NodeProfile Profile(NodeId node) => running[node.Value];

    /// <param name="allowLeader">Whether <c>leader</c> (<see cref="LeaderReference"/>) may stand for a node here.</param>
    public NodeId Resolve(YamlValue value, bool allowLeader = false)
    {
        var id = value.Scalar("a node id");
        if (running.ContainsKey(id)) return new NodeId(id);
        if (id == LeaderReference.Name)
        {
            if (allowLeader) return LeaderReference.Node;
            throw value.Error($"{value.Label} cannot name 'leader': only crash, restart, pause, clock_step, clock_drift, partition, one_way and flap can");
        }
        if (offline.Contains(id))
            throw value.Error($"{value.Label} names '{id}', an offline host; offline hosts are not simulated");
        throw value.Error($"{value.Label} names unknown node '{id}'{Spelling.Hint(id, running.Keys)}");
    }

    /// <summary>A list of at least <paramref name="minCount"/> distinct nodes.</summary>
    public ImmutableArray<NodeId> ResolveList(YamlValue value, int minCount, bool allowLeader = false)
    {
        var items = value.Items();
        if (items.Count < minCount)
            throw value.Error($"{value.Label} must name at least {minCount} node{(minCount == 1 ? "" : "s")}, got {items.Count}");
        var nodes = new List<NodeId>(items.Count);
        foreach (var item in items)
        {
            var node = Resolve(item, allowLeader);
            if (nodes.Contains(node)) throw item.Error($"{value.Label} names '{node}' twice");
            nodes.Add(node);
        }
        return [.. nodes];
    }

    /// <summary>Fails unless <paramref name="a"/> and <paramref name="b"/> share no node.</summary>
    public static void RequireDisjoint(YamlValue at, ImmutableArray<NodeId> a, ImmutableArray<NodeId> b)
    {
        var shared = a.Intersect(b).ToList();
        if (shared.Count > 0) throw at.Error($"'{shared[0]}' is on both sides");
    }
}
