using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Host.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace RingRift.Host.Tests;

/// <summary>
/// Selfplay stall detection on a real host: a one-node cluster (a <c>ringrift-node</c> process on
/// loopback, one static H100, dispatch and monitoring on, healing off) runs its GPU's four selfplay processes of a
/// program that prints a few increasing counts and then stays alive printing nothing. The host counts the games
/// from the jobs' stdout, so /alerts raises <c>selfplay_stalled</c> for the node at the total they stopped at,
/// /metrics shows that total, and the alert clears once the jobs count again.
/// </summary>
public sealed class SelfplayStallTests(ITestOutputHelper output)
{
    private const string Node = "node-a";

    /// <summary>The games the node's selfplay processes wrote before they fell silent: an H100 runs four.</summary>
    private const long StalledTotal = 4 * SilentSelfplay.CountBeforeSilence;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StallBound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ClearBound = TimeSpan.FromSeconds(30);

    private const string Setup = """
        scheduling: { report_interval: 1s, plan_interval: 500ms, rebuild_window: 3s, assign_timeout: 20s, failure_cooldown: 2s, stall_alarm_after: 30s, work_lease: 30s, work_lease_margin: 10s }
        monitoring: { sample_interval: 1s, window_samples: 6, stall_after: 3s, healing: false }

        """;

    [Fact]
    public async Task SelfplayStopsPrintingGames_AlertsStalledAtItsCount_ClearsWhenItCountsAgain()
    {
        using var selfplay = new SilentSelfplay();
        await using var cluster = new TestCluster(1, selfplay.SelfplayTemplate + Setup, hostFields: "gpu: H100, gpu_vram_gb: 80");
        // Disposed in reverse: the node is killed first, then the job processes it left behind.
        using var nodes = new NodeProcesses(cluster);
        nodes.Start(0);
        Assert.Equal(Node, await cluster.AgreedLeaderAsync([0], StartBound));

        JsonElement? stall = null;
        var raised = await Poll.Until(async () => (stall = StalledAlert(await AlertsAsync(cluster))) is not null, StallBound);
        if (!raised) foreach (var line in nodes.Output) output.WriteLine(line);
        Assert.True(raised, "/alerts never showed selfplay_stalled");
        Assert.Equal(Node, stall!.Value.GetProperty("node").GetString());
        Assert.Equal(StalledTotal, stall.Value.GetProperty("level").GetInt64());
        var metrics = await MetricsAsync(cluster);
        Assert.Equal(StalledTotal, Gauge(metrics, "ringrift_selfplay_games_written"));
        Assert.Equal(StalledTotal, Gauge(metrics, "ringrift_alert_level{kind=\"selfplay_stalled\"}"));

        selfplay.Resume();
        var cleared = await Poll.Until(async () =>
            StalledAlert(await AlertsAsync(cluster)) is null
            && Gauge(await MetricsAsync(cluster), "ringrift_selfplay_games_written") > StalledTotal, ClearBound);
        Assert.True(cleared, "selfplay_stalled did not clear once the job counted games again");
    }

    private static JsonElement? StalledAlert(JsonElement alerts) =>
        alerts.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "selfplay_stalled").Cast<JsonElement?>().FirstOrDefault();

    /// <summary>The value of the /metrics line that starts with <paramref name="name"/> and a space; null when absent.</summary>
    private static long? Gauge(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => (long?)long.Parse(l[(name.Length + 1)..], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static async Task<JsonElement> AlertsAsync(TestCluster cluster) =>
        JsonDocument.Parse(await MetricsOrAlertsAsync(cluster, "alerts")).RootElement.Clone();

    private static Task<string> MetricsAsync(TestCluster cluster) => MetricsOrAlertsAsync(cluster, "metrics");

    private static Task<string> MetricsOrAlertsAsync(TestCluster cluster, string path) => cluster.Client.GetStringAsync(new Uri(cluster.Base(0), path));
}
