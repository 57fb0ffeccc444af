using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Adapters.Http;
using RingRift.Kernel;

namespace RingRift.Adapters.Sync;

/// <summary>
/// Runs the kernel's <see cref="StartTransfer"/> and <see cref="CancelTransfer"/> effects off the driver
/// loop. The node named by the spec opens the connection: as the target it pulls the range from the
/// source's <c>GET /sync/file</c>; as the source it pushes the range to the target's
/// <c>PUT /sync/file</c>; either way the receiving side assembles and verifies (see <see cref="PartialFiles"/>).
/// A transfer that moves no byte for the stall bound fails as <see cref="TransferFailure.Stalled"/>;
/// a cancelled one as <see cref="TransferFailure.Cancelled"/>. Each start completes exactly once.
/// </summary>
public sealed partial class TransferExecutor : IDisposable
{
    private readonly ConcurrentDictionary<EffectId, CancellationTokenSource> _running = new();
    private readonly NodeId _self;
    private readonly FileIndex _index;
    private readonly PartialFiles _partials;
    private readonly PeerDirectory _peers;
    private readonly RequestSigner _signer;
    private readonly Action<EffectCompleted> _complete;
    private readonly HttpClient _client;

    public TransferExecutor(
        NodeId self, FileIndex index, PartialFiles partials, PeerDirectory peers, RequestSigner signer, Action<EffectCompleted> complete)
    {
        _self = self;
        _index = index;
        _partials = partials;
        _peers = peers;
        _signer = signer;
        _complete = complete;
        // No overall timeout: a large file may take long; the stall bound ends a transfer that stopped moving.
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>How long a transfer may move no byte before it fails as stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The transfers started and not yet completed.</summary>
    public int RunningCount => _running.Count;

    public void Start(StartTransfer start)
    {
        var cancel = new CancellationTokenSource();
        if (!_running.TryAdd(start.Id, cancel))
        {
            cancel.Dispose();
            return;
        }
        _ = Task.Run(() => RunAsync(start, cancel));
    }

    /// <summary>Completes at once with <see cref="TransferCancelled"/>; the transfer itself then fails as cancelled, unless it already ended.</summary>
    public void Cancel(CancelTransfer cancel)
    {
        if (_running.TryGetValue(cancel.Transfer, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
        _complete(new EffectCompleted(cancel.Id, TransferCancelled.Instance));
    }

    /// <summary>Cancels every running transfer (shutdown); each still completes, as cancelled.</summary>
    public void CancelAll()
    {
        foreach (var source in _running.Values)
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It ended meanwhile.
            }
        }
    }

    private async Task RunAsync(StartTransfer start, CancellationTokenSource cancel)
    {
        EffectOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(start.Transfer, cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(start.Id, out _);
            cancel.Dispose();
        }
        _complete(new EffectCompleted(start.Id, outcome));
    }

    /// <summary>Moves one chunk as <paramref name="spec"/> says and returns how it ended; never throws for an expected failure.</summary>
    public async Task<EffectOutcome> ExecuteAsync(TransferSpec spec, CancellationToken cancellation)
    {
        if (Invalid(spec) is { } problem) return Outcomes.Failed(TransferFailure.Missing, problem);
        using var guard = new StallGuard(cancellation, StallTimeout);
        try
        {
            if (spec.IsPullBy(_self)) return await PullAsync(spec, guard).ConfigureAwait(false);
            if (spec.Source == _self) return await PushAsync(spec, guard).ConfigureAwait(false);
            return Outcomes.Failed(TransferFailure.Unreachable, $"{_self} is neither the source nor the target");
        }
        catch (OperationCanceledException) when (guard.Stalled)
        {
            return Outcomes.Failed(TransferFailure.Stalled, $"no byte moved for {StallTimeout.TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return Outcomes.Failed(TransferFailure.Cancelled, "cancelled");
        }
        catch (HttpRequestException e)
        {
            return Outcomes.Failed(TransferFailure.Unreachable, e.Message);
        }
        catch (IOException e)
        {
            return Outcomes.FromIo(e);
        }
        catch (ObjectDisposedException)
        {
            return Outcomes.Failed(TransferFailure.Cancelled, "the node is stopping");
        }
    }

    private static string? Invalid(TransferSpec spec) =>
        spec.FileBytes < 0 || spec.OffsetBytes < 0 || spec.LengthBytes < 0 || spec.OffsetBytes > spec.FileBytes - spec.LengthBytes
            ? $"bytes {spec.OffsetBytes}+{spec.LengthBytes} are not within a file of {spec.FileBytes}"
            : null;

    private Uri? Address(NodeId node, string query) =>
        _peers.TryGet(node, out var baseAddress) ? new Uri(baseAddress!, SyncHeaders.FilePath + query) : null;

    public void Dispose() => _client.Dispose();
}
