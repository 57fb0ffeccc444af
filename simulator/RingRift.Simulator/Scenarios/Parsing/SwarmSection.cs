using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The <c>swarm</c> block: overrides of <see cref="SwarmSpec.Default"/>.</summary>
internal static class SwarmSection
{
    private static readonly ImmutableArray<string> Keys = ["safety_phase", "liveness_phase"];

    public static SwarmSpec Read(MapReader root)
    {
        if (root.Optional("swarm") is not { } value) return SwarmSpec.Default;
        var map = value.Map("swarm", Keys);
        return new SwarmSpec(
            map.Optional("safety_phase")?.PositiveDuration() ?? SwarmSpec.Default.SafetyPhase,
            map.Optional("liveness_phase")?.PositiveDuration() ?? SwarmSpec.Default.LivenessPhase);
    }
}
