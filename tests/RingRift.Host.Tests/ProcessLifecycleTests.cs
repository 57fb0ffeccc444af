using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using RingRift.Adapters.Sqlite;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>One <c>ringrift-node</c> process: SIGTERM is graceful; SIGKILL at any moment leaves a database that recovers.</summary>
public sealed class ProcessLifecycleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task SigTerm_LeaderWithAJob_StepsDownKillsTheJobAndExitsCleanly()
    {
        await using var cluster = new TestCluster(1, "jobs:\n  selfplay: [\"sleep\", \"60\"]\n");
        using var nodes = new NodeProcesses(cluster);
        nodes.Start(0);
        Assert.True(await Poll.Until(async () => await cluster.StatusAsync(0) is { } s && s.GetProperty("role").GetString() == "LEADER", Bound));
        using var spawn = new HttpRequestMessage(HttpMethod.Post, new Uri(cluster.Base(0), "spawn/selfplay"))
        {
            Content = new StringContent("{\"config\":\"square8_2p\",\"gpus\":0,\"job_id\":\"sigterm-job\"}", Encoding.UTF8, "application/json"),
        };
        spawn.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCluster.Secret);
        using (var response = await cluster.Client.SendAsync(spawn)) Assert.True(response.IsSuccessStatusCode);
        Assert.True(await Poll.Until(async () => await cluster.StatusAsync(0) is { } s && s.GetProperty("jobs").GetProperty("running").GetInt32() == 1, Bound));

        var exitCode = await nodes.TerminateAsync(0, Bound);

        Assert.Equal(0, exitCode);
        Assert.Contains(nodes.Output, line => line.Contains("leader_stepped_down", StringComparison.Ordinal));
        using var store = SqliteStateStore.Open(cluster.Settings(0).DataDir, "node-a");
        Assert.Empty(store.RunningJobs());
        Assert.Equal("ok", store.IntegrityCheck());
        Assert.Empty(store.LoadPeers());
    }

    [Fact]
    public async Task SigKill_RepeatedlyDuringStartupWrites_EveryRestartRecoversWithAHigherIncarnation()
    {
        await using var cluster = new TestCluster(1);
        using var nodes = new NodeProcesses(cluster);
        long previous = 0;
        for (var round = 0; round < 4; round++)
        {
            nodes.Start(0);
            long incarnation = 0;
            Assert.True(await Poll.Until(async () =>
                await cluster.StatusAsync(0) is { } s && (incarnation = s.GetProperty("incarnation").GetInt64()) > 0, Bound));
            Assert.True(incarnation > previous || round == 0, $"round {round}: incarnation {incarnation} after {previous}");
            nodes.KillNine(0);
            previous = DurableBootCount(cluster);
        }
        Assert.True(previous >= 1);
        using var store = SqliteStateStore.Open(cluster.Settings(0).DataDir, "node-a");
        Assert.Equal("ok", store.IntegrityCheck());
    }

    private static long DurableBootCount(TestCluster cluster)
    {
        using var store = SqliteStateStore.Open(cluster.Settings(0).DataDir, "node-a");
        Assert.Equal("ok", store.IntegrityCheck());
        return store.LoadKernelState().BootCount;
    }
}
