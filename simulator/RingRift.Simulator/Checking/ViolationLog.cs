using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Simulator.Checking;

/// <summary>Violations in the order found. A run stops at the first one, like a failed assertion.</summary>
internal sealed class ViolationLog
{
    private readonly List<Violation> _found = new();

    public bool Any => _found.Count > 0;

    public void Add(Violation violation) => _found.Add(violation);

    public ImmutableArray<Violation> ToImmutable() => [.. _found];
}
