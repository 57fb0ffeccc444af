using System;
using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>A timeline verb: its key, the option keys it accepts beside <c>at</c>, and how to read an entry.</summary>
internal sealed record TimelineVerb(string Name, ImmutableArray<string> Options, Func<VerbContext, TimelineEntry> Parse)
{
    /// <summary>Every key an entry with this verb may carry.</summary>
    public ImmutableArray<string> Keys => ["at", Name, .. Options];
}
