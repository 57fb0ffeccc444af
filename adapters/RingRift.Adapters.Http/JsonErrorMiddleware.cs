using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RingRift.Adapters.Http;

/// <summary>
/// Guarantees every refused request a JSON error body and no request a crash: Kestrel's bad-request
/// exceptions (oversized, malformed framing) become their 4xx, anything unexpected a 500 that is
/// logged, and an empty 4xx (unknown route, wrong method) gets a JSON body.
/// </summary>
internal sealed class JsonErrorMiddleware(ILogger logger, HttpCounters counters)
{
    public async Task Invoke(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await Fail(http, e.StatusCode, e.Message, "bad_request").ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            await Fail(http, 500, "internal error", "internal").ConfigureAwait(false);
            return;
        }
        if (http.Response.StatusCode >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null)
            await Fail(http, http.Response.StatusCode, Describe(http.Response.StatusCode), "route").ConfigureAwait(false);
    }

    private Task Fail(HttpContext http, int status, string error, string reason)
    {
        if (http.Response.HasStarted) return Task.CompletedTask;
        counters.OnRejected(reason);
        http.Response.Clear();
        return JsonResponses.Error(http, status, error);
    }

    private static string Describe(int status) => status switch
    {
        404 => "no such endpoint",
        405 => "method not allowed",
        415 => "unsupported media type",
        _ => "request refused",
    };
}
