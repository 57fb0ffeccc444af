using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using RingRift.Host.Config;

namespace RingRift.Host.Tests.Support;

/// <summary>
/// Real nodes in this process on loopback: a cluster file with shortened timings, one data directory
/// and one ephemeral port per node, the same secret for all. Stops every node it started.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string Secret = "test-cluster-secret-0123456789abcdef";

    private readonly TempDir _dir = new();
    private readonly Dictionary<string, WebApplication> _running = new();
    private readonly string _configPath;

    /// <param name="jobs">More sections of the cluster file (jobs, scheduling), appended as written.</param>
    /// <param name="swim">SWIM membership, its probes as UDP datagrams on ports of their own.</param>
    /// <param name="hostFields">More fields of every host (e.g. a static GPU profile), inside its braces.</param>
    public TestCluster(int nodes, string jobs = "", bool swim = false, string hostFields = "")
    {
        Ports = FreePorts.Take(nodes);
        UdpPorts = swim ? FreeUdpPorts(nodes) : [];
        var yaml = new StringBuilder();
        yaml.Append("p2p_voters: [");
        for (var i = 0; i < nodes; i++) yaml.Append(i == 0 ? "" : ", ").Append(Name(i));
        yaml.Append("]\nhosts:\n");
        for (var i = 0; i < nodes; i++)
        {
            var udp = (swim ? $", udp_port: {UdpPorts[i]}" : "") + (hostFields.Length > 0 ? ", " + hostFields : "");
            yaml.Append(CultureInfo.InvariantCulture, $"  {Name(i)}: {{ p2p_address: \"127.0.0.1:{Ports[i]}\", memory_gb: 8, cpus: 2, disk_gb: 20{udp} }}\n");
        }
        yaml.Append(swim ? "membership: { mode: swim }\n" : "membership: { heartbeat_interval: 500ms, suspect_timeout: 1500ms, dead_timeout: 3s, retire_timeout: 6s, retired_probe_interval: 1s }\n");
        yaml.Append("""
            election: { lease: 3s, renew_interval: 500ms, leader_timeout: 1500ms, candidate_timeout: 1s, rank_step: 200ms, jitter: 300ms, startup_grace: 500ms }

            """);
        yaml.Append(jobs);
        _configPath = _dir.File("cluster.yaml");
        System.IO.File.WriteAllText(_configPath, yaml.ToString());
        System.IO.File.WriteAllText(_dir.File("secret"), Secret);
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    }

    public int[] Ports { get; }
    public int[] UdpPorts { get; }
    public HttpClient Client { get; }
    public string DataRoot => _dir.Path;

    private static int[] FreeUdpPorts(int count)
    {
        var sockets = new System.Net.Sockets.UdpClient[count];
        var ports = new int[count];
        for (var i = 0; i < count; i++)
        {
            sockets[i] = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            ports[i] = ((IPEndPoint)sockets[i].Client.LocalEndPoint!).Port;
        }
        foreach (var socket in sockets) socket.Dispose();
        return ports;
    }

    public static string Name(int index) => "node-" + (char)('a' + index);

    public Uri Base(int index) => new($"http://127.0.0.1:{Ports[index]}/");

    public NodeSettings Settings(int index) => SettingsBuilder.Build(
        HostArguments.Parse(
        [
            "--node-id", Name(index), "--bind", "127.0.0.1", "--port", Ports[index].ToString(CultureInfo.InvariantCulture),
            "--config", _configPath, "--data-dir", _dir.File(Name(index)), "--secret-file", _dir.File("secret"),
        ]),
        static _ => null);

    public async Task StartAsync(int index)
    {
        var app = NodeApplication.Build(Settings(index), static logging => { });
        await app.StartAsync();
        _running[Name(index)] = app;
    }

    public async Task StopAsync(int index)
    {
        if (!_running.Remove(Name(index), out var app)) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public NodeRuntime Runtime(int index) =>
        (NodeRuntime)_running[Name(index)].Services.GetService(typeof(NodeRuntime))!;

    public async Task<JsonElement?> StatusAsync(int index)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(Base(index), "status"));
            if (response.StatusCode != HttpStatusCode.OK) return null;
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The leader every listed node names, once exactly one of them says it leads; null if none within <paramref name="bound"/>.</summary>
    public async Task<string?> AgreedLeaderAsync(int[] nodes, TimeSpan bound)
    {
        string? agreed = null;
        await Poll.Until(async () =>
        {
            var statuses = new JsonElement[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                if (await StatusAsync(nodes[i]) is not { } status) return false;
                statuses[i] = status;
            }
            var leaders = Array.FindAll(statuses, s => s.GetProperty("role").GetString() == "LEADER");
            if (leaders.Length != 1) return false;
            var name = leaders[0].GetProperty("node_id").GetString();
            if (!Array.TrueForAll(statuses, s => s.GetProperty("leader_id").GetString() == name)) return false;
            agreed = name;
            return true;
        }, bound);
        return agreed;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in new List<string>(_running.Keys))
            await StopAsync(name[^1] - 'a');
        Client.Dispose();
        _dir.Dispose();
    }
}
