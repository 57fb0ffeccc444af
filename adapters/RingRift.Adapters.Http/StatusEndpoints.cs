using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Http.Json;
using RingRift.Kernel;

namespace RingRift.Adapters.Http;

/// <summary>GET /status, GET /health and GET /metrics: read-only views of the last published snapshot.</summary>
internal sealed class StatusEndpoints(HttpEndpointContext context)
{
    public Task Status(HttpContext http) =>
        JsonResponses.Write(http, 200, BuildStatus(), HttpJsonContext.Default.StatusBody);

    public Task Health(HttpContext http)
    {
        var gateway = context.Gateway;
        var status = gateway.Status;
        var healthy = true;
        foreach (var component in gateway.Components) healthy &= component.Healthy;
        var body = new HealthBody(healthy, gateway.Self.Value, RoleName(status.Role), status.LeaderId?.Value, (long)gateway.Uptime.TotalSeconds);
        return JsonResponses.Write(http, 200, body, HttpJsonContext.Default.HealthBody);
    }

    public Task Metrics(HttpContext http)
    {
        var text = new StringBuilder();
        context.Gateway.WriteMetrics(text);
        AlertsEndpoint.WriteMetrics(text, context.Gateway.Status);
        context.Counters.Write(text);
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        return http.Response.WriteAsync(text.ToString(), http.RequestAborted);
    }

    public static string RoleName(NodeRole role) => role switch
    {
        NodeRole.Leader => "LEADER",
        NodeRole.Candidate => "CANDIDATE",
        _ => "FOLLOWER",
    };

    private StatusBody BuildStatus()
    {
        var gateway = context.Gateway;
        var status = gateway.Status;
        var managers = new Dictionary<string, ComponentBody>();
        foreach (var component in gateway.Components) managers[component.Name] = new ComponentBody(component.Healthy, component.Detail);
        var peers = new List<PeerBody>(status.Members.Length);
        foreach (var member in status.Members)
            peers.Add(new PeerBody(member.Peer.Value, member.State.ToString().ToLowerInvariant(), member.Incarnation));
        return new StatusBody(
            gateway.Self.Value, RoleName(status.Role), status.LeaderId?.Value, status.Epoch, status.Incarnation,
            status.AlivePeers, status.TotalPeers, (long)gateway.Uptime.TotalSeconds, gateway.AcceptingWork,
            new JobsBody(status.RunningJobs), managers, peers) { Loops = AlertsEndpoint.Loops(status) };
    }
}
