using System.Linq;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Simulator.Checking;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.ScenarioParsing;

public sealed class EveryConstructTests
{
    private static readonly Scenario Parsed = ScenarioParser.Parse(EveryConstructScenario.Text, EveryConstructScenario.Source);

    private static Duration Minutes(long m) => Duration.FromMinutes(m);
    private static NodeId Node(string id) => new(id);

    [Fact]
    public void Parse_TopLevel_ReadsNameDescriptionSeedDurationSource()
    {
        Assert.Equal("every-construct", Parsed.Name);
        Assert.Equal("Uses every construct of the language.", Parsed.Description);
        Assert.Equal(EveryConstructScenario.Source, Parsed.SourceName);
        Assert.Equal(ulong.MaxValue, Parsed.Seed);
        Assert.Equal(Duration.FromHours(2), Parsed.Duration);
    }

    [Fact]
    public void Parse_Cluster_SortsRunningHostsAndDropsOffline()
    {
        Assert.Equal(
            new[] { "aws-cpu1", "hetzner-cpu1", "lambda-gh200-1", "vast-rtx4090-1", "vast-rtx4090-2", "vast-rtx4090-3" },
            Parsed.Hosts.Select(h => h.Node.Value));
        Assert.Equal(new[] { Node("aws-cpu1"), Node("hetzner-cpu1") }, Parsed.Voters);
    }

    [Fact]
    public void Parse_NamedGpuHost_MapsEveryKeyAndIgnoresDocumentaryOnes()
    {
        var host = Parsed.Hosts.Single(h => h.Node == Node("lambda-gh200-1"));

        Assert.Equal(
            new NodeProfile(Node("lambda-gh200-1"), "lambda", new GpuProfile("GH200", 1, 96), 480, 72, 4000,
                IsVoter: false, NatBlocked: true, ProxyOnly: false),
            host.Profile);
        Assert.Equal(new ClockSpec(Duration.FromSeconds(2), -50), host.Clock);
    }

    [Fact]
    public void Parse_CpuHosts_HaveNoGpuAndTakeProviderAndStatus()
    {
        var hetzner = Parsed.Hosts.Single(h => h.Node == Node("hetzner-cpu1"));
        var aws = Parsed.Hosts.Single(h => h.Node == Node("aws-cpu1"));

        Assert.Equal(new NodeProfile(Node("hetzner-cpu1"), "hetzner", GpuProfile.None, 64, 16, 1000, true, false, false), hetzner.Profile);
        Assert.Equal(ClockSpec.Perfect, hetzner.Clock);
        Assert.Equal(new NodeProfile(Node("aws-cpu1"), "amazon", GpuProfile.None, 32, 8, 200, true, false, ProxyOnly: true), aws.Profile);
    }

    [Fact]
    public void Parse_Generate_NumbersHostsFromOne()
    {
        var generated = Parsed.Hosts.Where(h => h.Node.Value.StartsWith("vast-", System.StringComparison.Ordinal)).ToList();

        Assert.Equal(3, generated.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(
                new NodeProfile(Node($"vast-rtx4090-{i + 1}"), "vast", new GpuProfile("RTX 4090", 2, 24), 128, 32, 1000, false, false, false),
                generated[i].Profile);
        }
    }

    [Fact]
    public void Parse_Membership_OverridesEveryField()
    {
        Assert.Equal(
            new MembershipConfig(Duration.FromSeconds(10), Duration.FromSeconds(60), Duration.FromSeconds(120),
                Duration.FromSeconds(240), Duration.FromSeconds(30), 64),
            Parsed.Membership);
    }

    [Fact]
    public void Parse_Network_OverridesEveryField()
    {
        Assert.Equal(
            new NetworkSpec(
                new LatencySpec(Duration.FromMillis(5), Duration.FromMillis(10), Duration.FromMillis(40)),
                new LatencySpec(Duration.FromMillis(20), Duration.FromMillis(80), Duration.FromMillis(2600)),
                new LatencySpec(Duration.FromSeconds(2), Duration.FromSeconds(3), Duration.FromSeconds(5)),
                Loss: new Ratio(10), Duplicate: new Ratio(5), Reorder: new Ratio(100), ReorderDelayMax: Duration.FromMillis(250),
                Replay: new Ratio(1), ReplayDelayMax: Minutes(2)),
            Parsed.Network);
    }

    [Fact]
    public void Parse_Timeline_SortsStablyByTimeAndKeepsSourceLines()
    {
        Assert.Equal(
            new[] { 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 46 },
            Parsed.Timeline.Select(e => e.SourceLine));
        Assert.Equal(
            new[]
            {
                "crash", "crash", "restart", "pause", "partition", "partition", "one_way", "flap", "heal", "network",
                "clock_step", "clock_drift", "gpu", "gpu", "process_faults", "disk", "disk", "launch", "launch", "terminate",
            },
            Parsed.Timeline.Select(e => e.Verb));
    }

    [Fact]
    public void Parse_NodeVerbs_MapToEntries()
    {
        var t = Parsed.Timeline;
        Assert.Equal(new CrashNode(Minutes(10), 47, Node("hetzner-cpu1"), TornWrite: true), t[0]);
        Assert.Equal(new CrashNode(Minutes(10), 48, Node("aws-cpu1"), TornWrite: false), t[1]);
        Assert.Equal(new RestartNode(Minutes(20), 49, Node("hetzner-cpu1")), t[2]);
        Assert.Equal(new PauseNode(Minutes(30), 50, Node("vast-rtx4090-3"), Minutes(5)), t[3]);
        Assert.Equal(new StepClock(Minutes(47), 57, Node("vast-rtx4090-2"), Duration.FromSeconds(-5)), t[10]);
        Assert.Equal(new DriftClock(Minutes(48), 58, Node("vast-rtx4090-2"), 300), t[11]);
    }

    [Fact]
    public void Parse_NetworkVerbs_MapToEntries()
    {
        var t = Parsed.Timeline;
        var partition = Assert.IsType<PartitionNodes>(t[4]);
        Assert.Equal(new[] { Node("vast-rtx4090-1"), Node("vast-rtx4090-2") }, partition.Group);
        Assert.Empty(partition.Other);
        var partitionFrom = Assert.IsType<PartitionNodes>(t[5]);
        Assert.Equal(new[] { Node("lambda-gh200-1") }, partitionFrom.Group);
        Assert.Equal(new[] { Node("vast-rtx4090-3") }, partitionFrom.Other);
        var oneWay = Assert.IsType<BlockOneWay>(t[6]);
        Assert.Equal((Minutes(41), 53), (oneWay.At, oneWay.SourceLine));
        Assert.Equal(new[] { Node("hetzner-cpu1") }, oneWay.From);
        Assert.Equal(new[] { Node("vast-rtx4090-1"), Node("vast-rtx4090-2") }, oneWay.To);
        Assert.Equal(new FlapLink(Minutes(42), 54, Node("hetzner-cpu1"), Node("lambda-gh200-1"), Duration.FromSeconds(30)), t[7]);
        Assert.Equal(new HealNetwork(Minutes(45), 55), t[8]);
        Assert.Equal(new SetNetworkFaults(Minutes(46), 56, new Ratio(100), Ratio.Zero, Ratio.Zero, new Ratio(50)), t[9]);
    }

    [Fact]
    public void Parse_FaultVerbs_MapToEntriesWithNeutralDefaults()
    {
        var t = Parsed.Timeline;
        var gh200 = Node("lambda-gh200-1");
        Assert.Equal(new GpuFault(Minutes(49), 59, gh200, GpuFaultKind.Straggler, 300), t[12]);
        Assert.Equal(new GpuFault(Minutes(50), 60, gh200, GpuFaultKind.Recover, 100), t[13]);
        Assert.Equal(new ProcessFaults(Minutes(51), 61, Node("vast-rtx4090-1"), new Ratio(1000), Ratio.Zero, new Ratio(100)), t[14]);
        Assert.Equal(new DiskFault(Minutes(52), 62, Node("hetzner-cpu1"), DiskFaultKind.Slow, Duration.FromSeconds(2)), t[15]);
        Assert.Equal(new DiskFault(Minutes(53), 63, Node("hetzner-cpu1"), DiskFaultKind.FsyncFails, Duration.Zero), t[16]);
    }

    [Fact]
    public void Parse_JobVerbs_MapToEntriesWithGpuDefaultByNode()
    {
        var t = Parsed.Timeline;
        Assert.Equal(
            new LaunchCommand(Minutes(55), 64, Node("vast-rtx4090-1"),
                new JobSpec(new JobId("sp-1"), JobKind.Selfplay, "hexagonal_4p", 2), Minutes(20)),
            t[17]);
        Assert.Equal(
            new LaunchCommand(Minutes(55), 65, Node("hetzner-cpu1"),
                new JobSpec(new JobId("tr-1"), JobKind.Training, "square8_2p", 0), Duration.FromHours(1)),
            t[18]);
        Assert.Equal(new TerminateCommand(Duration.FromHours(1), 46, Node("vast-rtx4090-1"), new JobId("sp-1")), t[19]);
    }

    [Fact]
    public void Parse_ChecksAndExpect_KeepCatalogOrderAndViews()
    {
        Assert.Equal(new[] { CheckCatalog.StableMembership, CheckCatalog.MembershipConverges }, Parsed.Checks);
        Assert.Equal(CheckCatalog.StableMembership, Parsed.Expect.Violation);
        Assert.Equal(
            new[]
            {
                new ExpectedView(Minutes(65), Node("hetzner-cpu1"), Node("lambda-gh200-1"), MemberState.Suspect, 70),
                new ExpectedView(Duration.FromHours(2), null, Node("vast-rtx4090-3"), MemberState.Retired, 71),
            },
            Parsed.Expect.Views);
    }

    [Fact]
    public void Parse_Swarm_OverridesBothPhases()
    {
        Assert.Equal(new SwarmSpec(Minutes(40), Minutes(5)), Parsed.Swarm);
    }
}
