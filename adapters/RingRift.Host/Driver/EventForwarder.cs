using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RingRift.Host.Driver;

/// <summary>
/// POSTs cluster events to a webhook off the driver loop. <see cref="Post"/> never waits: the queue is
/// bounded and drops its oldest event when full (counted). Each POST has a short timeout; failures are
/// counted and logged at most once a minute. Disposing abandons what is still queued. With a secret, each
/// body carries <c>X-RingRift-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of its exact bytes.
/// </summary>
public sealed class EventForwarder : IAsyncDisposable
{
    public const int QueueMax = 1024;
    public const string SignatureHeader = "X-RingRift-Signature";
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly Uri _target;
    private readonly byte[]? _secret;
    private readonly ILogger _logger;
    private readonly Channel<ClusterEventBody> _queue;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sent;
    private long _dropped;
    private long _failed;
    private long _lastFailureLog = long.MinValue;

    public EventForwarder(Uri target, ILogger logger, int queueMax = QueueMax, TimeSpan? timeout = null, byte[]? secret = null)
    {
        _target = target;
        _secret = secret;
        _logger = logger;
        _queue = Channel.CreateBounded<ClusterEventBody>(
            new BoundedChannelOptions(queueMax) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _dropped));
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        _loop = Task.Run(RunAsync);
    }

    public long Sent => Interlocked.Read(ref _sent);
    public long Dropped => Interlocked.Read(ref _dropped);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues an event; returns at once (a full queue drops its oldest).</summary>
    public void Post(ClusterEventBody body) => _queue.Writer.TryWrite(body);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var body in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false)) await SendAsync(body).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(ClusterEventBody body)
    {
        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ClusterEventJsonContext.Default.ClusterEventBody);
            using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (_secret is not null) request.Headers.Add(SignatureHeader, Signature(_secret, bytes));
            using var response = await _http.SendAsync(request, _stop.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref _sent);
            else Fail($"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            Fail(e.Message);
        }
    }

    /// <summary>The header's value for <paramref name="body"/>: <c>sha256=</c> and the lowercase hex HMAC-SHA256.</summary>
    public static string Signature(byte[] secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    private void Fail(string reason)
    {
        var failed = Interlocked.Increment(ref _failed);
        var now = Stopwatch.GetTimestamp();
        if (_lastFailureLog != long.MinValue && Stopwatch.GetElapsedTime(_lastFailureLog, now) < FailureLogInterval) return;
        _lastFailureLog = now;
        _logger.LogWarning("event webhook {Target} failed ({Failed} failures so far): {Reason}", _target, failed, reason);
    }
}
