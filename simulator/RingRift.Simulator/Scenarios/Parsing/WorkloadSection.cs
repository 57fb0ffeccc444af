using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The optional <c>workload</c> block: overrides of <see cref="WorkloadSpec.Default"/>; absent means no dispatch.</summary>
internal static class WorkloadSection
{
    private static readonly ImmutableArray<string> Keys = ["selfplay_runtime", "warm_up", "training_first_games", "training_next_games"];

    public static WorkloadSpec? Read(MapReader root)
    {
        if (root.Optional("workload") is not { } value) return null;
        var map = value.Map("workload", Keys);
        var first = map.Optional("training_first_games");
        var next = map.Optional("training_next_games");
        if ((first is null) != (next is null)) throw value.Error("'training_first_games' and 'training_next_games' go together");
        return new WorkloadSpec(
            map.Optional("selfplay_runtime")?.PositiveDuration() ?? WorkloadSpec.Default.SelfplayRuntime,
            map.Optional("warm_up")?.Duration() ?? WorkloadSpec.Default.WarmUp)
        {
            TrainingGames = first is null ? null : (first.Int(1, 1_000_000), next!.Int(1, 1_000_000)),
        };
    }
}
