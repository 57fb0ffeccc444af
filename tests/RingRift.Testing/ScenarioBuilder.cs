using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;

namespace RingRift.Testing;

/// <summary>Builds scenarios in code for tests and benchmarks, without a YAML file.</summary>
public sealed class ScenarioBuilder
{
    private readonly List<HostSpec> _hosts = new();
    private readonly List<TimelineEntry> _timeline = new();
    private readonly List<ExpectedView> _views = new();
    private ImmutableArray<string> _checks = CheckCatalog.Defaults;
    private NetworkSpec _network = NetworkSpec.Default;
    private MembershipConfig _membership = MembershipConfig.Default;
    private MembershipMode _mode = MembershipMode.Heartbeat;
    private SwimConfig _swim = SwimConfig.Default;
    private Duration _duration = Duration.FromHours(1);
    private string? _expectedViolation;

    public static NodeId Id(string name) => new(name);

    /// <summary>Adds <paramref name="count"/> GPU hosts named "{provider}-gpu-{i}", the first <paramref name="voters"/> voting.</summary>
    public ScenarioBuilder WithHosts(int count, string provider = "lambda", int voters = 3)
    {
        for (var i = 1; i <= count; i++)
        {
            var name = provider + "-gpu-" + i.ToString("00", CultureInfo.InvariantCulture);
            WithHost(new NodeProfile(Id(name), provider, new GpuProfile("H100", 1, 80), 256, 32, 2000, i <= voters, false, false));
        }
        return this;
    }

    public ScenarioBuilder WithHost(NodeProfile profile, ClockSpec? clock = null)
    {
        _hosts.Add(new HostSpec(profile, clock ?? ClockSpec.Perfect));
        return this;
    }

    public ScenarioBuilder For(Duration duration) { _duration = duration; return this; }
    public ScenarioBuilder WithNetwork(NetworkSpec network) { _network = network; return this; }
    public ScenarioBuilder WithMembership(MembershipConfig membership) { _membership = membership; return this; }
    /// <summary>Runs SWIM (or hybrid, with <paramref name="mode"/>) with <paramref name="swim"/>, default timing if null.</summary>
    public ScenarioBuilder WithSwim(SwimConfig? swim = null, MembershipMode mode = MembershipMode.Swim)
    {
        _mode = mode;
        _swim = swim ?? SwimConfig.Default;
        return this;
    }

    public ScenarioBuilder At(TimelineEntry entry) { _timeline.Add(entry); return this; }
    public ScenarioBuilder Expect(ExpectedView view) { _views.Add(view); return this; }
    public ScenarioBuilder Checks(params string[] checks) { _checks = [.. checks]; return this; }
    public ScenarioBuilder ExpectViolation(string checker) { _expectedViolation = checker; return this; }

    public Scenario Build(string name = "built")
    {
        _hosts.Sort(static (a, b) => a.Node.CompareTo(b.Node));
        var timeline = new List<TimelineEntry>(_timeline);
        timeline.Sort(static (a, b) => a.At.CompareTo(b.At));
        return new Scenario(
            name, "", name + ".yaml", 1, _duration, [.. _hosts], _membership, _network, [.. timeline], _checks,
            new Expectations(_expectedViolation, [.. _views]), SwarmSpec.Default) { MembershipMode = _mode, Swim = _swim };
    }
}
