using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

public sealed partial class TransferExecutor
{
    /// <summary>GETs the range from the source, refusing a source whose copy has another hash, and assembles it here.</summary>
    private async Task<EffectOutcome> PullAsync(TransferSpec spec, StallGuard guard)
    {
        if (Address(spec.Source, SyncHeaders.FileQuery(spec.Path)) is not { } uri)
            return Outcomes.Failed(TransferFailure.Unreachable, $"no address for {spec.Source}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (spec.LengthBytes > 0) request.Headers.Range = new RangeHeaderValue(spec.OffsetBytes, spec.OffsetBytes + spec.LengthBytes - 1);
        _signer.Sign(request, []);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, guard.Token).ConfigureAwait(false);
        guard.Progress();
        if (Refusal(response, spec) is { } failed) return failed;
        var body = await response.Content.ReadAsStreamAsync(guard.Token).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
            return await _partials.ReceiveAsync(spec, body, guard).ConfigureAwait(false);
    }

    private static TransferFailed? Refusal(HttpResponseMessage response, TransferSpec spec)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestedRangeNotSatisfiable)
            return Outcomes.Failed(TransferFailure.Missing, $"{spec.Source} answered {status} for {spec.Path}");
        if (!response.IsSuccessStatusCode) return Outcomes.Failed(TransferFailure.Unreachable, $"{spec.Source} answered {status}");
        var held = response.Headers.TryGetValues(SyncHeaders.ContentHash, out var values) ? string.Join("", values) : "";
        if (!ContentHashes.TryParse(held, out var hash) || hash != spec.Hash)
            return Outcomes.Failed(TransferFailure.Missing, $"{spec.Source} holds {spec.Path} with hash '{held}', not {spec.Hash}");
        var partial = response.StatusCode == HttpStatusCode.PartialContent;
        if (spec.LengthBytes > 0 && !partial && !spec.IsWholeFile)
            return Outcomes.Failed(TransferFailure.Unreachable, $"{spec.Source} ignored the range");
        return null;
    }
}
