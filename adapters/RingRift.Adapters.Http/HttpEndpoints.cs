using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace RingRift.Adapters.Http;

/// <summary>Maps the node's HTTP API onto a web application.</summary>
public static class HttpEndpoints
{
    public const string MessagePath = "/kernel/message";
    public const string GossipPath = "/gossip";
    public const int DefaultPort = 8770;

    public static void Map(WebApplication app, HttpEndpointContext context, ILogger logger)
    {
        var errors = new JsonErrorMiddleware(logger, context.Counters);
        app.Use(errors.Invoke);
        var status = new StatusEndpoints(context);
        app.MapGet("/status", status.Status);
        app.MapGet("/health", status.Health);
        app.MapGet("/metrics", status.Metrics);
        app.MapGet("/alerts", new AlertsEndpoint(context).Alerts);
        app.MapPost(MessagePath, new MessageEndpoint(context, gossipOnly: false).Handle);
        app.MapPost(GossipPath, new MessageEndpoint(context, gossipOnly: true).Handle);
        app.MapPost("/spawn/selfplay", new SpawnEndpoint(context, Kernel.JobKind.Selfplay).Handle);
        app.MapPost("/spawn/training", new SpawnEndpoint(context, Kernel.JobKind.Training).Handle);
    }
}
