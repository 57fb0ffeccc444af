using System.Collections.Immutable;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Swarm;

/// <summary>A scenario with the faults one swarm seed drew, and the names of the fault kinds present.</summary>
public sealed record SwarmRun(Scenario Scenario, ImmutableArray<string> FaultKinds);
