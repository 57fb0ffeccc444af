using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using RingRift.Adapters.Sync.Json;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

public sealed partial class TransferExecutor
{
    /// <summary>PUTs the range of this node's copy to the target, which assembles and verifies it.</summary>
    private async Task<EffectOutcome> PushAsync(TransferSpec spec, StallGuard guard)
    {
        var local = await _index.LookupAsync(spec.Path, guard.Token).ConfigureAwait(false);
        if (local is null || local.Hash != spec.Hash || local.SizeBytes != spec.FileBytes)
            return Outcomes.Failed(TransferFailure.Missing, $"{_self} does not hold {spec.Path} with hash {spec.Hash}");
        if (Address(spec.Target, PushQuery(spec)) is not { } uri)
            return Outcomes.Failed(TransferFailure.Unreachable, $"no address for {spec.Target}");
        var file = new FileStream(Path.Combine(_index.Paths.Root, local.Path), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            file.Seek(spec.OffsetBytes, SeekOrigin.Begin);
            using var request = new HttpRequestMessage(HttpMethod.Put, uri);
            request.Content = new StreamContent(new RangeStream(file, spec.LengthBytes, guard));
            request.Content.Headers.ContentLength = spec.LengthBytes;
            _signer.Sign(request, []);
            using var response = await _client.SendAsync(request, guard.Token).ConfigureAwait(false);
            return await PushOutcomeAsync(response, spec, guard).ConfigureAwait(false);
        }
    }

    private static async Task<EffectOutcome> PushOutcomeAsync(HttpResponseMessage response, TransferSpec spec, StallGuard guard)
    {
        TransferResultBody? body = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
            body = await response.Content.ReadFromJsonAsync(SyncJsonContext.Default.TransferResultBody, guard.Token).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && body is { Ok: true })
            return new TransferCompleted(body.Bytes, body.FileComplete);
        var failure = body?.Failure is { } name && TransferResultBody.TryParseFailure(name, out var parsed) ? parsed
            : response.StatusCode == HttpStatusCode.InsufficientStorage ? TransferFailure.DiskFull
            : TransferFailure.Unreachable;
        return Outcomes.Failed(failure, $"{spec.Target} answered {(int)response.StatusCode}: {body?.Error}");
    }

    /// <summary>The push query: the path, the whole file's hash and size, and where this chunk starts.</summary>
    private static string PushQuery(TransferSpec spec) =>
        SyncHeaders.FileQuery(spec.Path)
        + "&hash=" + spec.Hash
        + "&size=" + spec.FileBytes.ToString(CultureInfo.InvariantCulture)
        + "&offset=" + spec.OffsetBytes.ToString(CultureInfo.InvariantCulture);
}
