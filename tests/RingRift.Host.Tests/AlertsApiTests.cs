using System;
using System.Text.Json;
using System.Threading.Tasks;
using RingRift.Host.Config;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>GET /alerts and the monitoring switch of a real node.</summary>
public sealed class AlertsApiTests(SingleNodeFixture node) : IClassFixture<SingleNodeFixture>
{
    [Fact]
    public async Task Alerts_MonitoringOff_IsJsonWithNoAlerts()
    {
        var body = await node.Cluster.Client.GetStringAsync(new Uri(node.Base, "alerts"));
        var alerts = JsonDocument.Parse(body).RootElement;

        Assert.Equal("node-a", alerts.GetProperty("node_id").GetString());
        Assert.False(alerts.GetProperty("monitoring").GetBoolean());
        Assert.Equal(0, alerts.GetProperty("alerts").GetArrayLength());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    public void Build_MonitoringVariable_TurnsMonitoringOnOrOff(string value, bool on)
    {
        var settings = SettingsBuilder.Build(
            HostArguments.Parse(["--node-id", "a", "--peers", "b=127.0.0.1:9001"]),
            name => name switch
            {
                "RINGRIFT_CLUSTER_AUTH_TOKEN" => TestCluster.Secret,
                HostMonitoring.Var => value,
                _ => null,
            });

        Assert.Equal(on, settings.Kernel.Monitoring is not null);
    }
}
