using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The <c>checks</c> list (default: <see cref="CheckCatalog.Defaults"/>; named checks are kept in
/// catalog order) and the <c>expect</c> block: an optional <c>violation</c> that must stop the run and
/// exact membership <c>views</c> at given times.
/// </summary>
internal static class ExpectSection
{
    private static readonly ImmutableArray<string> ExpectKeys = ["violation", "views", "summary"];
    private static readonly ImmutableArray<string> ViewKeys = ["at", "observer", "peer", "state"];

    private static readonly WordTable<MemberState> States = new(
        ("alive", MemberState.Alive), ("suspect", MemberState.Suspect),
        ("dead", MemberState.Dead), ("retired", MemberState.Retired));

    public static ImmutableArray<string> ReadChecks(MapReader root)
    {
        if (root.Optional("checks") is not { } value) return CheckCatalog.Defaults;
        var items = value.Items();
        if (items.Count == 0) throw value.Error("'checks' must name at least one check; leave it out to run them all");
        var named = new HashSet<string>();
        foreach (var item in items)
        {
            var name = item.Scalar("a check name");
            if (!CheckCatalog.Names.Contains(name))
                throw item.Error($"unknown check '{name}'{Spelling.Hint(name, CheckCatalog.Names)}; known: {string.Join(", ", CheckCatalog.Names)}");
            if (!named.Add(name)) throw item.Error($"'checks' names '{name}' twice");
        }
        return CheckCatalog.Names.Where(named.Contains).ToImmutableArray();
    }

    public static Expectations ReadExpect(MapReader root, ImmutableArray<string> checks, Duration duration, NodeDirectory nodes)
    {
        if (root.Optional("expect") is not { } value) return Expectations.AllChecksHold;
        var expect = value.Map("expect", ExpectKeys);
        string? violation = null;
        if (expect.Optional("violation") is { } named)
        {
            violation = named.Scalar("a check name");
            if (!checks.Contains(violation))
                throw named.Error($"expect.violation names '{violation}', which is not among the checks run: {string.Join(", ", checks)}{Spelling.Hint(violation, checks)}");
        }
        var views = ImmutableArray.CreateBuilder<ExpectedView>();
        if (expect.Optional("views") is { } list)
        {
            foreach (var item in list.Items()) views.Add(ReadView(item, duration, nodes));
        }
        return new Expectations(violation, views.ToImmutable()) { Figures = ReadFigures(expect) };
    }

    private static ImmutableArray<ExpectedFigure> ReadFigures(MapReader expect)
    {
        if (expect.Optional("summary") is not { } value) return [];
        var figures = value.Map("expect.summary", RunFigures.Names);
        var builder = ImmutableArray.CreateBuilder<ExpectedFigure>();
        foreach (var (key, name, figure) in figures.Entries)
            builder.Add(figure.IsMapping ? ReadRange(name, figure, key.Line) : new ExpectedFigure(name, figure.Integer(0, long.MaxValue), key.Line));
        return builder.ToImmutable();
    }

    private static readonly ImmutableArray<string> RangeKeys = ["min", "max"];

    /// <summary>A range: <c>{ min: 9500 }</c>, <c>{ max: 3 }</c> or both; min ≤ max.</summary>
    private static ExpectedFigure ReadRange(string name, YamlValue value, int line)
    {
        var range = value.Map("a figure range", RangeKeys);
        if (!range.Has("min") && !range.Has("max")) throw value.Error("a figure range needs 'min', 'max' or both");
        var min = range.Optional("min")?.Integer(0, long.MaxValue) ?? 0;
        var max = range.Optional("max")?.Integer(0, long.MaxValue) ?? long.MaxValue;
        if (min > max) throw value.Error($"'min' ({min}) must not exceed 'max' ({max})");
        return new ExpectedFigure(name, min, line) { Max = max };
    }

    private static ExpectedView ReadView(YamlValue item, Duration duration, NodeDirectory nodes)
    {
        var view = item.Map("an expected view", ViewKeys);
        var at = TimelineSection.ReadAt(view, duration);
        var peer = nodes.Resolve(view.Required("peer"));
        NodeId? observer = null;
        if (view.Optional("observer") is { } who)
        {
            observer = nodes.Resolve(who);
            if (observer == peer) throw who.Error($"'{peer}' cannot observe itself");
        }
        return new ExpectedView(at, observer, peer, view.Required("state").Word(States), item.Line);
    }
}
