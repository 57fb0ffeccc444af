using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Http;
using RingRift.Adapters.Sync.Json;

namespace RingRift.Adapters.Sync;

/// <summary>
/// The sync API: <c>GET /sync/manifest</c> (this node's files), <c>GET /sync/file?path=</c> (one file or
/// one range of it), <c>PUT /sync/file</c> (a pushed chunk, assembled and verified here) and
/// <c>POST /sync/pull</c> (an operator asks this node to pull a file from a peer). Every one requires a
/// signed request or the cluster secret as a bearer token; every refusal is a JSON 4xx.
/// </summary>
public sealed partial class SyncEndpoints(HttpEndpointContext context, FileIndex index, PartialFiles partials, TransferExecutor executor)
{
    private const int CopyBufferBytes = 1 << 16;

    /// <summary>How long a pushed chunk may move no byte before the receiver gives up on it.</summary>
    public TimeSpan ReceiveStallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The data directory's index behind the manifest.</summary>
    public FileIndex Index => index;

    public void Map(WebApplication app)
    {
        app.MapGet(SyncHeaders.ManifestPath, Manifest);
        app.MapGet(SyncHeaders.FilePath, GetFile);
        app.MapPut(SyncHeaders.FilePath, PutFile);
        app.MapPost(SyncHeaders.PullPath, Pull);
    }

    private async Task Manifest(HttpContext http)
    {
        if (!await Authenticated(http, []).ConfigureAwait(false)) return;
        var files = await index.ManifestAsync(http.RequestAborted).ConfigureAwait(false);
        var list = new List<ManifestFileBody>(files.Count);
        foreach (var file in files) list.Add(new ManifestFileBody(file.Path, file.Kind, file.SizeBytes, file.Hash.ToString()));
        await JsonResponses.Write(http, 200, new ManifestBody(context.Gateway.Self.Value, list), SyncJsonContext.Default.ManifestBody)
            .ConfigureAwait(false);
    }

    private async Task GetFile(HttpContext http)
    {
        if (!await Authenticated(http, []).ConfigureAwait(false)) return;
        if (await ServedPath(http) is not { } path) return;
        if (await index.LookupAsync(path, http.RequestAborted).ConfigureAwait(false) is not { } file)
        {
            await Refuse(http, 404, "no such file: " + path, "sync_missing").ConfigureAwait(false);
            return;
        }
        var range = ByteRange.Parse(http.Request.Headers.Range.ToString(), file.SizeBytes);
        if (!range.IsValid)
        {
            if (range.Unsatisfiable) http.Response.Headers.ContentRange = $"bytes */{file.SizeBytes}";
            await Refuse(http, range.Unsatisfiable ? 416 : 400, range.Problem, "sync_range").ConfigureAwait(false);
            return;
        }
        await SendAsync(http, file, range).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpContext http, ManifestFile file, ByteRange range)
    {
        var response = http.Response;
        response.StatusCode = range.IsPartial ? 206 : 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength = range.Length;
        response.Headers.AcceptRanges = "bytes";
        response.Headers[SyncHeaders.ContentHash] = file.Hash.ToString();
        if (range.IsPartial) response.Headers.ContentRange = $"bytes {range.Start}-{range.Last}/{file.SizeBytes}";
        var stream = new System.IO.FileStream(
            System.IO.Path.Combine(index.Paths.Root, file.Path), System.IO.FileMode.Open, System.IO.FileAccess.Read,
            System.IO.FileShare.ReadWrite, CopyBufferBytes, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            stream.Seek(range.Start, System.IO.SeekOrigin.Begin);
            var buffer = new byte[CopyBufferBytes];
            var left = range.Length;
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), http.RequestAborted).ConfigureAwait(false);
                if (read == 0) break;
                await response.Body.WriteAsync(buffer.AsMemory(0, read), http.RequestAborted).ConfigureAwait(false);
                left -= read;
            }
        }
    }

    /// <summary>The request's one <c>path</c>, confined to the data directory; null after answering 400.</summary>
    private async Task<string?> ServedPath(HttpContext http)
    {
        var values = http.Request.Query["path"];
        var path = values.Count == 1 ? values[0] : null;
        if (index.Paths.Resolve(path, out var problem) is null)
        {
            await Refuse(http, 400, problem, "sync_path").ConfigureAwait(false);
            return null;
        }
        return path;
    }

    private async Task<bool> Authenticated(HttpContext http, byte[] signedBody)
    {
        if (OperatorAuth.Check(http.Request, signedBody, context) is not { } refusal) return true;
        await Refuse(http, refusal.Status, refusal.Reason, "auth").ConfigureAwait(false);
        return false;
    }

    private Task Refuse(HttpContext http, int status, string error, string reason)
    {
        context.Counters.OnRejected(reason);
        return JsonResponses.Error(http, status, error);
    }
}
