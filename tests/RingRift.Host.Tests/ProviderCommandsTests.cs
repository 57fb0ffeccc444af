using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using RingRift.Host;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>The auto-scaler's provider commands: placeholders, exit codes as outcomes, a missing command.</summary>
public sealed class ProviderCommandsTests
{
    private static async Task<EffectCompleted> Perform(ImmutableArray<string> provision, ImmutableArray<string> decommission, Effect effect)
    {
        var done = new TaskCompletionSource<EffectCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ProviderCommands(provision, decommission, c => done.TrySetResult(c), NullLogger.Instance);

        Assert.True(provider.TryPerform(effect));
        return await done.Task.WaitAsync(System.TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Expand_Template_ReplacesPlaceholdersPerArgument()
    {
        var args = ProviderCommands.Expand(["cloud", "up", "--count={count}", "{profile}"], new Dictionary<string, string> { ["{count}"] = "3", ["{profile}"] = "rtx 4090" });

        Assert.Equal(new[] { "cloud", "up", "--count=3", "rtx 4090" }, args.ToArray());
    }

    [Fact]
    public async Task Provision_CommandExitsZero_CompletesWithNoFailedBoots()
    {
        var completed = await Perform(["sh", "-c", "test \"$0\" = 2 && test \"$1\" = gpu", "{count}", "{profile}"], [], new ProvisionNodes(new EffectId(7), 2, "gpu"));

        Assert.Equal(new EffectId(7), completed.EffectId);
        Assert.Equal(0, Assert.IsType<NodesProvisioned>(completed.Outcome).FailedBoots);
    }

    [Fact]
    public async Task Decommission_CommandFails_CompletesUnsuccessfulWithTheExitCode()
    {
        var completed = await Perform([], ["sh", "-c", "echo gone-wrong >&2; exit 3", "{node_id}"], new DecommissionNode(new EffectId(8), new NodeId("a")));

        var outcome = Assert.IsType<NodeDecommissioned>(completed.Outcome);
        Assert.False(outcome.Succeeded);
        Assert.Equal("exit code 3: gone-wrong", outcome.Reason);
    }

    [Fact]
    public async Task ClusterFileScalingSection_NodeGetsAProviderAndTheFilesCommandRuns()
    {
        using var marks = new Support.TempDir();
        var marker = marks.File("provisioned");
        var section = $$"""
            scheduling: {}
            scaling:
              profile: rtx4090x2
              provision_command: [sh, -c, 'echo "$0 $1" > {{marker}}', "{count}", "{profile}"]
              terminate_command: [true, "{node_id}"]

            """;
        await using var cluster = new Support.TestCluster(1, section);
        await cluster.StartAsync(0);
        var done = new TaskCompletionSource<EffectCompleted>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.NotNull(cluster.Runtime(0).Driver.Provider);
        var wired = new ProviderCommands(
            cluster.Settings(0).Provider!.Provision, cluster.Settings(0).Provider!.Terminate, c => done.TrySetResult(c), NullLogger.Instance);
        Assert.True(wired.TryPerform(new ProvisionNodes(new EffectId(11), 2, "rtx4090x2")));
        var completed = await done.Task.WaitAsync(System.TimeSpan.FromSeconds(30));

        Assert.Equal(0, Assert.IsType<NodesProvisioned>(completed.Outcome).FailedBoots);
        Assert.Equal("2 rtx4090x2", System.IO.File.ReadAllText(marker).Trim());
    }

    [Fact]
    public async Task Provision_NoCommandConfigured_FailsEveryNode()
    {
        var completed = await Perform([], [], new ProvisionNodes(new EffectId(9), 3, "gpu"));

        Assert.Equal(3, Assert.IsType<NodesProvisioned>(completed.Outcome).FailedBoots);
    }
}
