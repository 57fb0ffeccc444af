using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>Resolving <see cref="LeaderReference"/> in timeline entries when they run.</summary>
internal sealed partial class World
{
    private readonly Stack<NodeId> _crashedLeaders = new();

    /// <summary>
    /// Replaces <c>leader</c> in <paramref name="entry"/> by the node it names now; false (the entry is
    /// skipped, with a trace line) when it names nobody or the entry would make no sense with it.
    /// </summary>
    private bool TryResolveLeader(ref TimelineEntry entry)
    {
        if (!MentionsLeader(entry)) return true;
        var leader = entry is RestartNode ? CrashedLeader() : CurrentLeader();
        var resolved = leader is { } node ? Substitute(entry, node) : null;
        if (resolved is null)
        {
            _trace.World(_now, 0, $"{entry.Verb} leader ignored: {(leader is null ? "no leader" : "both ends are the leader")}");
            return false;
        }
        if (resolved is CrashNode crash) _crashedLeaders.Push(crash.Node);
        entry = resolved;
        return true;
    }

    /// <summary>The node holding a valid lease at this true instant, the highest epoch first; null if none.</summary>
    public NodeId? CurrentLeader()
    {
        var index = Leases.HolderAt(_now);
        return index < 0 ? null : _nodes[index].Id;
    }

    private NodeId? CrashedLeader()
    {
        while (_crashedLeaders.Count > 0)
        {
            var node = _crashedLeaders.Pop();
            if (NodeOf(node).RunState == NodeRunState.Crashed) return node;
        }
        return null;
    }

    private static bool MentionsLeader(TimelineEntry entry) => entry switch
    {
        CrashNode e => LeaderReference.Is(e.Node),
        RestartNode e => LeaderReference.Is(e.Node),
        PauseNode e => LeaderReference.Is(e.Node),
        StepClock e => LeaderReference.Is(e.Node),
        DriftClock e => LeaderReference.Is(e.Node),
        PartitionNodes e => e.Group.Contains(LeaderReference.Node) || (!e.Other.IsDefault && e.Other.Contains(LeaderReference.Node)),
        BlockOneWay e => e.From.Contains(LeaderReference.Node) || e.To.Contains(LeaderReference.Node),
        FlapLink e => LeaderReference.Is(e.A) || LeaderReference.Is(e.B),
        _ => false,
    };

    /// <summary>
    /// The entry with <c>leader</c> replaced by <paramref name="leader"/>. In a list the leader is named
    /// once: on the first side that names it, explicitly or as <c>leader</c>. Null for a flap whose
    /// two ends would be the same node, or a cut with an empty side.
    /// </summary>
    private static TimelineEntry? Substitute(TimelineEntry entry, NodeId leader)
    {
        switch (entry)
        {
            case CrashNode e: return e with { Node = leader };
            case RestartNode e: return e with { Node = leader };
            case PauseNode e: return e with { Node = leader };
            case StepClock e: return e with { Node = leader };
            case DriftClock e: return e with { Node = leader };
            case FlapLink e:
                var a = LeaderReference.Is(e.A) ? leader : e.A;
                var b = LeaderReference.Is(e.B) ? leader : e.B;
                return a == b ? null : e with { A = a, B = b };
            case PartitionNodes e:
                var group = Replace(e.Group, leader, []);
                var other = e.Other.IsDefaultOrEmpty ? e.Other : Replace(e.Other, leader, group);
                return group.IsEmpty || (!e.Other.IsDefaultOrEmpty && other.IsEmpty) ? null : e with { Group = group, Other = other };
            case BlockOneWay e:
                var from = Replace(e.From, leader, []);
                var to = Replace(e.To, leader, from);
                return from.IsEmpty || to.IsEmpty ? null : e with { From = from, To = to };
            default: return entry;
        }
    }

    /// <summary>The list with <c>leader</c> replaced and every node already on <paramref name="taken"/> or seen dropped.</summary>
    private static ImmutableArray<NodeId> Replace(ImmutableArray<NodeId> nodes, NodeId leader, ImmutableArray<NodeId> taken)
    {
        var builder = ImmutableArray.CreateBuilder<NodeId>(nodes.Length);
        foreach (var node in nodes)
        {
            var actual = LeaderReference.Is(node) ? leader : node;
            if (!taken.Contains(actual) && !builder.Contains(actual)) builder.Add(actual);
        }
        return builder.ToImmutable();
    }
}
