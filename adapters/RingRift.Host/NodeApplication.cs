using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RingRift.Adapters.Http;
using RingRift.Host.Config;

namespace RingRift.Host;

/// <summary>
/// Builds one node as a web application on the generic host: Kestrel on the configured address,
/// the <see cref="NodeRuntime"/> as a hosted service (stopped before the server on SIGTERM, so peers
/// are still answered while it steps down), and the HTTP API mapped onto it.
/// </summary>
public static class NodeApplication
{
    /// <summary>Largest request body Kestrel reads at all; endpoints set tighter limits of their own.</summary>
    public const long RequestBodyMaxBytes = 1024 * 1024;

    public static WebApplication Build(NodeSettings settings, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(settings.Bind, settings.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestBodyMaxBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Logging.ClearProviders();
        if (logging is null) builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        else logging(builder.Logging);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<NodeRuntime>();
        builder.Services.AddHostedService(static services => services.GetRequiredService<NodeRuntime>());
        var app = builder.Build();
        var runtime = app.Services.GetRequiredService<NodeRuntime>();
        HttpEndpoints.Map(app, runtime.Endpoints, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RingRift.Http"));
        runtime.Sync.Map(app);
        return app;
    }
}
