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
    public ImmutableArray<NodeId> Voters => Hosts.Where(h => h.Profile.IsVoter).Select(h => h.Profile.Node).ToImmutableArray();
}
