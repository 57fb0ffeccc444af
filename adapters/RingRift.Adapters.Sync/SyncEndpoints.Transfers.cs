using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RingRift.Adapters.Http;
using RingRift.Adapters.Security;
using RingRift.Adapters.Sync.Json;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

public sealed partial class SyncEndpoints
{
    /// <summary>
    /// PUT /sync/file?path=&amp;hash=&amp;size=&amp;offset=: a pushed chunk (its length is the body's). The
    /// signature covers the query, not the bytes: the bytes are checked by the file's hash once whole.
    /// </summary>
    private async Task PutFile(HttpContext http)
    {
        if (!await Authenticated(http, []).ConfigureAwait(false)) return;
        if (await ServedPath(http).ConfigureAwait(false) is not { } path) return;
        if (http.Request.ContentLength is not { } length)
        {
            await Refuse(http, 411, "Content-Length is required", "sync_push").ConfigureAwait(false);
            return;
        }
        if (PushedChunk(http.Request, path, length, context.Gateway.Self, out var problem) is not { } spec)
        {
            await Refuse(http, 400, problem, "sync_push").ConfigureAwait(false);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = spec.LengthBytes;
        EffectOutcome outcome;
        using (var guard = new StallGuard(http.RequestAborted, ReceiveStallTimeout))
        {
            try
            {
                outcome = await partials.ReceiveAsync(spec, http.Request.Body, guard).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (guard.Stalled)
            {
                outcome = Outcomes.Failed(TransferFailure.Stalled, "no byte arrived for " + ReceiveStallTimeout);
            }
            catch (IOException e)
            {
                outcome = Outcomes.FromIo(e);
            }
        }
        await WriteOutcome(http, outcome, failedStatus: FailedStatus(outcome)).ConfigureAwait(false);
    }

    private static int FailedStatus(EffectOutcome outcome) => outcome switch
    {
        TransferFailed { Failure: TransferFailure.Corrupt } => 422,
        TransferFailed { Failure: TransferFailure.DiskFull } => 507,
        TransferFailed { Failure: TransferFailure.Stalled } => 408,
        _ => 400,
    };

    private static TransferSpec? PushedChunk(HttpRequest request, string path, long length, NodeId self, out string problem)
    {
        var sender = request.Headers[AuthHeaders.Sender].ToString();
        var source = new NodeId(NodeIds.IsValid(sender) ? sender : "operator");
        problem = "";
        if (!ContentHashes.TryParse(request.Query["hash"].ToString(), out var hash)) problem = "'hash' must be 32 hex digits (XXH128)";
        else if (!TryBytes(request.Query["size"].ToString(), out var size)) problem = "'size' must be a whole number of bytes";
        else if (!TryBytes(request.Query["offset"].ToString(), out var offset)) problem = "'offset' must be a whole number of bytes";
        else if (offset > size - length) problem = $"bytes {offset}+{length} are not within a file of {size}";
        else return new TransferSpec(source, self, path, hash, size, offset, length);
        return null;
    }

    /// <summary>POST /sync/pull: the operator's pull of one file (or range) from a peer into this node, answered when it ends.</summary>
    private async Task Pull(HttpContext http)
    {
        var body = await BoundedBody.ReadAsync(http.Request, HttpEndpointContext.JsonBodyMaxBytes).ConfigureAwait(false);
        if (body is null)
        {
            await Refuse(http, 413, "body exceeds " + HttpEndpointContext.JsonBodyMaxBytes + " bytes", "oversized").ConfigureAwait(false);
            return;
        }
        if (!await Authenticated(http, body).ConfigureAwait(false)) return;
        if (PullSpec(body, out var problem) is not { } spec)
        {
            await Refuse(http, 400, problem, "sync_pull").ConfigureAwait(false);
            return;
        }
        var outcome = await executor.ExecuteAsync(spec, http.RequestAborted).ConfigureAwait(false);
        await WriteOutcome(http, outcome, failedStatus: 502).ConfigureAwait(false);
    }

    private TransferSpec? PullSpec(byte[] body, out string problem)
    {
        PullRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, SyncJsonContext.Default.PullRequest);
        }
        catch (JsonException e)
        {
            problem = "malformed JSON: " + e.Message;
            return null;
        }
        problem = "";
        var self = context.Gateway.Self;
        if (request is null) problem = "the body must be a JSON object";
        else if (request.Source is not { } source || !NodeIds.IsValid(source) || source == self.Value) problem = "'source' must be another node's id";
        else if (index.Paths.Resolve(request.Path, out var pathProblem) is null) problem = pathProblem;
        else if (!ContentHashes.TryParse(request.Hash, out var hash)) problem = "'hash' must be 32 hex digits (XXH128, as the source's manifest lists it)";
        else if (request.SizeBytes is not >= 0) problem = "'size_bytes' must be the file's size";
        else
        {
            var offset = request.OffsetBytes ?? 0;
            var length = request.LengthBytes ?? request.SizeBytes.Value - offset;
            if (offset < 0 || length < 0 || offset > request.SizeBytes.Value - length) problem = "'offset_bytes' and 'length_bytes' must lie within the file";
            else return new TransferSpec(new NodeId(source), self, request.Path!, hash, request.SizeBytes.Value, offset, length);
        }
        return null;
    }

    private Task WriteOutcome(HttpContext http, EffectOutcome outcome, int failedStatus)
    {
        var result = TransferResultBody.From(outcome);
        if (!result.Ok) context.Counters.OnRejected("sync_" + result.Failure);
        return JsonResponses.Write(http, result.Ok ? 200 : failedStatus, result, SyncJsonContext.Default.TransferResultBody);
    }

    private static bool TryBytes(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
