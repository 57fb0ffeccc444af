using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios.Parsing;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// Reads the scenario language (see <c>scenarios/README.md</c>) into a validated
/// <see cref="Scenario"/>. It takes text, not a path: the caller reads the file. Every problem,
/// from a YAML syntax error to a misspelt node id, is a <see cref="ScenarioException"/> naming
/// <c>sourceName</c>, the line and what is wrong; nothing unknown is ignored silently.
/// </summary>
public static class ScenarioParser
{
    /// <summary>The seed <c>ringrift-sim run</c> uses when neither the file nor the command line gives one.</summary>
    public const ulong DefaultSeed = 1;

    private static readonly ImmutableArray<string> RootKeys =
    [
        "name", "description", "seed", "duration", "cluster", "membership", "network", "timeline", "checks",
        "expect", "swarm", "workload", "election", "sync", "monitoring", "scaling",
        "elo_sync",
    ];

    /// <summary>Parses <paramref name="yamlText"/>; <paramref name="sourceName"/> (usually the file path) prefixes every error.</summary>
    public static Scenario Parse(string yamlText, string sourceName)
    {
        var root = YamlLoader.LoadRoot(yamlText, sourceName).Map("the scenario", RootKeys);
        var name = root.Required("name").Text();
        if (name.Length == 0) throw root.Required("name").Error("'name' must not be empty");
        var duration = root.Required("duration").PositiveDuration();
        var (hosts, nodes) = ClusterSection.Read(root.Required("cluster"));
        var checks = ExpectSection.ReadChecks(root);
        var (mode, swim) = MembershipSection.ReadProtocol(root);
        return new Scenario(
            name,
            root.Optional("description")?.Text() ?? "",
            sourceName,
            root.Optional("seed")?.UInt64() ?? DefaultSeed,
            duration,
            hosts,
            MembershipSection.Read(root),
            NetworkSection.Read(root),
            TimelineSection.Read(root, duration, nodes),
            checks,
            ExpectSection.ReadExpect(root, checks, duration, nodes),
            SwarmSection.Read(root)) { MembershipMode = mode, Swim = swim, Workload = WorkloadSection.Read(root), ElectionTimings = ElectionSection.Read(root),
                Sync = SyncSection.Read(root, nodes), Monitoring = MonitoringSection.Read(root), Scaling = ScalingSection.Read(root, nodes),
                EloSyncInterval = ScalingSection.ReadEloSync(root) };
    }
}
