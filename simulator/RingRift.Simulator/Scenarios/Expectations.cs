using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// What a run of the scenario must show. <see cref="Violation"/> null means every check must hold;
/// otherwise the run must be stopped by that checker (a scenario made to fail on purpose).
/// <see cref="Views"/> are exact membership views asserted at given times.
/// </summary>
public sealed record Expectations(string? Violation, ImmutableArray<ExpectedView> Views)
{
    /// <summary>Summary figures the run must end with exactly.</summary>
    public ImmutableArray<ExpectedFigure> Figures { get; init; } = [];

    public static readonly Expectations AllChecksHold = new(null, ImmutableArray<ExpectedView>.Empty);
}

/// <summary>At <see cref="At"/>, <see cref="Observer"/> sees <see cref="Peer"/> in <see cref="State"/>.
/// A null observer means every running node other than the peer.</summary>
public sealed record ExpectedView(Duration At, NodeId? Observer, NodeId Peer, MemberState State, int SourceLine);
