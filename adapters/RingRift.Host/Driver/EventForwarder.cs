using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace RingRift.Host.Driver;

/// <summary>
/// POSTs cluster events to a webhook off the driver loop. <see cref="Post"/> never waits: the queue is
/// bounded and drops its oldest event when full (counted). Each POST has a short timeout; failures are
/// counted and logged at most once a minute. Disposing abandons what is still queued.
/// </summary>
public sealed class EventForwarder : IAsyncDisposable
{
    public const int QueueMax = 1024;
    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromMinutes(1);

    private readonly Uri _target;
    private readonly ILogger _logger;
    private readonly Channel<ClusterEventBody> _queue;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sent;
    private long _dropped;
    private long _failed;
    private long _lastFailureLog = long.MinValue;

    public EventForwarder(Uri target, ILogger logger, int queueMax = QueueMax, TimeSpan? timeout = null)
    {
        _target = target;
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
            using var content = JsonContent.Create(body, ClusterEventJsonContext.Default.ClusterEventBody);
            using var response = await _http.PostAsync(_target, content, _stop.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref _sent);
            else Fail($"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            Fail(e.Message);
        }
    }

    private void Fail(string reason)
    {
        var failed = Interlocked.Increment(ref _failed);
        var now = Stopwatch.GetTimestamp();
        if (_lastFailureLog != long.MinValue && Stopwatch.GetElapsedTime(_lastFailureLog, now) < FailureLogInterval) return;
        _lastFailureLog = now;
        _logger.LogWarning("event webhook {Target} failed ({Failed} failures so far): {Reason}", _target, failed, reason);
    }
}
