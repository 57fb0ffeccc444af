using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

internal sealed partial class World
{
    private long _flapGeneration;
    private int _activeFlaps;

    private void ApplyNetworkChange(TimelineEntry entry)
    {
        switch (entry)
        {
            case PartitionNodes partition: Partition(partition); break;
            case BlockOneWay block: BlockEachPair(block.From, block.To); break;
            case FlapLink flap: StartFlap(flap); break;
            case HealNetwork: Heal(); break;
            case LinkDelay delay: SetLinkDelay(delay); break;
            case SetNetworkFaults faults:
                _network.Spec = _network.Spec with
                {
                    Loss = faults.Loss, Duplicate = faults.Duplicate, Reorder = faults.Reorder, Replay = faults.Replay,
                };
                break;
        }
        NetworkChangedAt = _now;
        _trace.World(_now, 0, Describe(entry));
        _timeline?.OnNetwork(_now, _network.Links, Describe(entry));
    }

    /// <summary>
    /// The canonical trace text of a network change: what it does and to whom, never where the scenario
    /// wrote it, so that moving a line in a scenario file leaves the trace hash alone.
    /// </summary>
    private static string Describe(TimelineEntry entry) => entry switch
    {
        PartitionNodes p => $"partition group={Names(p.Group)} other={(p.Other.IsDefaultOrEmpty ? "rest" : Names(p.Other))}",
        BlockOneWay b => $"one_way from={Names(b.From)} to={Names(b.To)}",
        FlapLink f => $"flap {f.A}<->{f.B} period={f.Period}",
        LinkDelay d => $"link_delay {d.Node} per_hour={d.PerHour} to={d.Level?.ToString() ?? "current"}",
        SetNetworkFaults n => $"network loss={n.Loss} duplicate={n.Duplicate} reorder={n.Reorder} replay={n.Replay}",
        _ => entry.Verb,
    };

    private void SetLinkDelay(LinkDelay delay)
    {
        var node = IndexOf(delay.Node);
        _network.Delays.Set(_now, node, delay.PerHour, delay.Level);
        if (_ops is not null) _ops.Nodes[node].LinkDelayed = _network.Delays.Growing(node) || _network.Delays.ExtraMicros(_now, node) > 0;
    }

    private static string Names(ImmutableArray<NodeId> nodes) => string.Join(",", nodes);

    private void Partition(PartitionNodes partition)
    {
        var other = partition.Other.IsDefaultOrEmpty ? Outside(partition.Group) : partition.Other;
        BlockEachPair(partition.Group, other);
        BlockEachPair(other, partition.Group);
    }

    private ImmutableArray<NodeId> Outside(ImmutableArray<NodeId> group)
    {
        var builder = ImmutableArray.CreateBuilder<NodeId>();
        foreach (var node in _nodes)
            if (!group.Contains(node.Id)) builder.Add(node.Id);
        return builder.ToImmutable();
    }

    private void BlockEachPair(ImmutableArray<NodeId> from, ImmutableArray<NodeId> to)
    {
        foreach (var a in from)
            foreach (var b in to)
                _network.Links.Block(IndexOf(a), IndexOf(b));
    }

    private void Heal()
    {
        _network.Links.Clear();
        _flapGeneration++;
        _activeFlaps = 0;
    }

    private void StartFlap(FlapLink flap)
    {
        _activeFlaps++;
        SetLink(flap, down: true);
        _queue.Schedule(_now + flap.Period.Micros, EventKind.Flap, 0, token: _flapGeneration, payload: new FlapState(flap, false));
    }

    private void OnFlap(in SimEvent item)
    {
        if (item.Token != _flapGeneration) return;
        var state = (FlapState)item.Payload!;
        SetLink(state.Link, state.Down);
        NetworkChangedAt = _now;
        _trace.World(_now, 0, $"flap {state.Link.A}<->{state.Link.B} down={state.Down}");
        _timeline?.OnNetwork(_now, _network.Links, $"flap {state.Link.A}<->{state.Link.B} down={state.Down}");
        _queue.Schedule(_now + state.Link.Period.Micros, EventKind.Flap, 0, token: _flapGeneration,
            payload: state with { Down = !state.Down });
    }

    private void SetLink(FlapLink flap, bool down)
    {
        int a = IndexOf(flap.A), b = IndexOf(flap.B);
        if (down)
        {
            _network.Links.Block(a, b);
            _network.Links.Block(b, a);
        }
        else
        {
            _network.Links.Unblock(a, b);
            _network.Links.Unblock(b, a);
        }
    }

    /// <summary>A flapping link and the state it takes at the next toggle.</summary>
    private sealed record FlapState(FlapLink Link, bool Down);
}
