using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The optional <c>workload</c> block: overrides of <see cref="WorkloadSpec.Default"/>; absent means no dispatch.</summary>
internal static class WorkloadSection
{
    private static readonly ImmutableArray<string> Keys = ["selfplay_runtime", "warm_up"];

    public static WorkloadSpec? Read(MapReader root)
    {
        if (root.Optional("workload") is not { } value) return null;
        var map = value.Map("workload", Keys);
        return new WorkloadSpec(
            map.Optional("selfplay_runtime")?.PositiveDuration() ?? WorkloadSpec.Default.SelfplayRuntime,
            map.Optional("warm_up")?.Duration() ?? WorkloadSpec.Default.WarmUp);
    }
}
