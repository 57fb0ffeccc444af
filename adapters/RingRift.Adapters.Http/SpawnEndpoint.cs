using System;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Security;
using RingRift.Adapters.Http.Json;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;

namespace RingRift.Adapters.Http;

/// <summary>
/// POST /spawn/selfplay and /spawn/training: submits a <see cref="LaunchJob"/> of <paramref name="kind"/>
/// to the kernel and answers with its reply (200 launched, 409 refused). Requires
/// <c>Authorization: Bearer &lt;cluster secret&gt;</c> or a signed request.
/// </summary>
internal sealed class SpawnEndpoint(HttpEndpointContext context, JobKind kind)
{
    public async Task Handle(HttpContext http)
    {
        if (!context.Gateway.AcceptingWork)
        {
            await Refuse(http, 503, "the node is shutting down", "shutting_down").ConfigureAwait(false);
            return;
        }
        var body = await BoundedBody.ReadAsync(http.Request, HttpEndpointContext.JsonBodyMaxBytes).ConfigureAwait(false);
        if (body is null)
        {
            await Refuse(http, 413, "body exceeds " + HttpEndpointContext.JsonBodyMaxBytes + " bytes", "oversized").ConfigureAwait(false);
            return;
        }
        if (OperatorAuth.Check(http.Request, body, context) is { } refusal)
        {
            await Refuse(http, refusal.Status, refusal.Reason, "auth").ConfigureAwait(false);
            return;
        }
        if (!TryParse(body, out var job, out var problem))
        {
            await Refuse(http, 400, problem, "malformed").ConfigureAwait(false);
            return;
        }
        await Submit(http, job!).ConfigureAwait(false);
    }

    private async Task Submit(HttpContext http, JobSpec job)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(context.SubmitTimeout);
        Reply reply;
        try
        {
            reply = await context.Gateway.SubmitAsync(new LaunchJob(job), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Refuse(http, 503, "the kernel did not answer in time", "timeout").ConfigureAwait(false);
            return;
        }
        var result = new SpawnResult(reply.Accepted, job.Id.Value, reply.Detail);
        await JsonResponses.Write(http, reply.Accepted ? 200 : 409, result, HttpJsonContext.Default.SpawnResult).ConfigureAwait(false);
    }

    private bool TryParse(byte[] body, out JobSpec? job, out string problem)
    {
        job = null;
        SpawnRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, HttpJsonContext.Default.SpawnRequest);
        }
        catch (JsonException e)
        {
            problem = "malformed JSON: " + e.Message;
            return false;
        }
        if (request is null) { problem = "the body must be a JSON object"; return false; }
        if (request.Config is not { } config || !IsConfigName(config))
        {
            problem = "'config' must be 1 to 64 lowercase letters, digits or '_' (e.g. square8_2p)";
            return false;
        }
        if (request.Gpus is < 0 or > 64) { problem = "'gpus' must be between 0 and 64"; return false; }
        var id = request.JobId ?? $"{kind.ToString().ToLowerInvariant()}-{context.Gateway.Self.Value}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        if (!NodeIds.IsValid(id)) { problem = "'job_id' must be 1 to 128 letters, digits, '-', '_' or '.'"; return false; }
        job = new JobSpec(new JobId(id), kind, config, request.Gpus ?? 1);
        problem = "";
        return true;
    }

    private static bool IsConfigName(string config)
    {
        if (config.Length is 0 or > 64) return false;
        foreach (var c in config)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_') return false;
        return true;
    }

    private Task Refuse(HttpContext http, int status, string error, string reason)
    {
        context.Counters.OnRejected(reason);
        return JsonResponses.Error(http, status, error);
    }
}
