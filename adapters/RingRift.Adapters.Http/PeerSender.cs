using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RingRift.Adapters.Security;

namespace RingRift.Adapters.Http;

/// <summary>
/// The queue and workers that POST one peer's messages. Bounded: when the peer is slow or down the
/// queue fills and further messages are dropped (counted), as a lossy network would; the kernel
/// already tolerates loss. A few workers so that one slow request does not hold up the rest.
/// </summary>
internal sealed class PeerSender
{
    private const int Workers = 2;
    private readonly Channel<OutgoingMessage> _queue;
    private readonly Task[] _workers = new Task[Workers];
    private readonly Func<Uri?> _address;
    private readonly RequestSigner _signer;
    private readonly HttpClient _client;
    private readonly HttpCounters _counters;

    public PeerSender(Func<Uri?> address, string self, HttpClient client, MessageAuthenticator authenticator, HttpCounters counters, int queueMax)
    {
        _address = address;
        _signer = new RequestSigner(self, authenticator);
        _client = client;
        _counters = counters;
        _queue = Channel.CreateBounded<OutgoingMessage>(new BoundedChannelOptions(queueMax) { FullMode = BoundedChannelFullMode.Wait });
        for (var i = 0; i < Workers; i++) _workers[i] = Task.Run(RunAsync);
    }

    public bool TryEnqueue(OutgoingMessage message) => _queue.Writer.TryWrite(message);

    public Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_workers);
    }

    private async Task RunAsync()
    {
        await foreach (var message in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await PostAsync(message).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                _counters.OnSendFailed();
            }
        }
    }

    private async Task PostAsync(OutgoingMessage message)
    {
        if (_address() is not { } baseAddress)
        {
            _counters.OnSendDropped();
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, HttpEndpoints.MessagePath));
        request.Content = new ByteArrayContent(message.Body);
        _signer.Sign(request, message.Body, message.IsResponse);
        using var response = await _client.SendAsync(request).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) _counters.OnSent();
        else _counters.OnSendFailed();
    }
}
