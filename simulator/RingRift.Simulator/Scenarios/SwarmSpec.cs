using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// How <c>ringrift-sim swarm</c> runs this scenario: each seed draws a fault profile and a faulty
/// safety phase of <see cref="SafetyPhase"/>; then every fault is healed and the cluster must
/// converge within <see cref="LivenessPhase"/>.
/// </summary>
public sealed record SwarmSpec(Duration SafetyPhase, Duration LivenessPhase)
{
    public static readonly SwarmSpec Default = new(Duration.FromMinutes(30), Duration.FromMinutes(10));
}
