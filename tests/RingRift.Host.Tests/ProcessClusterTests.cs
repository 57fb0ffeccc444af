using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>
/// Three <c>ringrift-node</c> processes on loopback: one leader appears; after the leader is killed with
/// SIGKILL another takes over within the bound; the killed node restarts with a new incarnation and
/// rejoins as a follower of the new leader.
/// </summary>
public sealed class ProcessClusterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task LeaderKilledNine_AnotherLeadsAndTheRestartedNodeRejoinsAsFollower()
    {
        await using var cluster = new TestCluster(3);
        using var nodes = new NodeProcesses(cluster);
        for (var i = 0; i < 3; i++) nodes.Start(i);
        var first = await cluster.AgreedLeaderAsync([0, 1, 2], Bound);
        Assert.NotNull(first);
        var killed = first![^1] - 'a';

        nodes.KillNine(killed);
        var others = Enumerable.Range(0, 3).Where(i => i != killed).ToArray();
        var second = await cluster.AgreedLeaderAsync(others, Bound);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);

        nodes.Start(killed);
        var rejoined = await Poll.Until(async () =>
            await cluster.StatusAsync(killed) is { } s
            && s.GetProperty("role").GetString() == "FOLLOWER"
            && s.GetProperty("leader_id").GetString() == second
            && s.GetProperty("incarnation").GetInt64() == 2, Bound);
        Assert.True(rejoined, "the restarted node did not rejoin as a follower with incarnation 2");
    }
}
