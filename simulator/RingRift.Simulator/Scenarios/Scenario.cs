using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// A parsed, validated scenario: the cluster, the network, a timeline of faults and commands, the
/// checks to apply and the expected outcome. Produced by <see cref="ScenarioParser"/>; immutable.
/// </summary>
public sealed record Scenario(
    string Name,
    string Description,
    string SourceName,
    ulong Seed,
    Duration Duration,
    ImmutableArray<HostSpec> Hosts,
    MembershipConfig Membership,
    NetworkSpec Network,
    ImmutableArray<TimelineEntry> Timeline,
    ImmutableArray<string> Checks,
    Expectations Expect,
    SwarmSpec Swarm)
{
    /// <summary>Which protocol decides liveness (<c>membership.mode</c>); heartbeat unless the file says otherwise.</summary>
    public MembershipMode MembershipMode { get; init; } = MembershipMode.Heartbeat;

    /// <summary>SWIM timing (<c>membership.swim</c>), used in swim and hybrid modes.</summary>
    public SwimConfig Swim { get; init; } = SwimConfig.Default;

    /// <summary>The <c>workload</c> block; null when the scenario runs no dispatch.</summary>
    public WorkloadSpec? Workload { get; init; }

    /// <summary>The <c>sync</c> block; null when the scenario runs no data sync.</summary>
    public SyncSpec? Sync { get; init; }
    /// <summary>The <c>monitoring</c> block (predictive alerts, self-healing); null when the scenario leaves it off.</summary>
    public Kernel.Monitoring.MonitoringConfig? Monitoring { get; init; }
    /// <summary>The <c>scaling</c> block; null when the auto-scaler is off.</summary>
    public ScalingSpec? Scaling { get; init; }

    /// <summary>The <c>elo_sync</c> interval; null when Elo sync is off.</summary>
    public Duration? EloSyncInterval { get; init; }

    /// <summary>
    /// Election timing (<c>election</c>): lease, renewal, timeouts, rank step, jitter, startup grace. Its
    /// voters and candidates are empty: every run takes them from the cluster.
    /// </summary>
    public Kernel.Election.ElectionConfig ElectionTimings { get; init; } = Parsing.ElectionSection.Defaults;

    public ImmutableArray<NodeId> Voters => Hosts.Where(h => h.Profile.IsVoter).Select(h => h.Profile.Node).ToImmutableArray();
}
