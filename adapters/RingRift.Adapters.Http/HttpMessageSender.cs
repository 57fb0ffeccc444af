using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading.Tasks;
using RingRift.Adapters.Security;
using RingRift.Kernel;

namespace RingRift.Adapters.Http;

/// <summary>
/// Sends kernel messages to peers over HTTP (POST /kernel/message, signed). <see cref="Send"/> never
/// blocks: it hands the encoded bytes to the peer's bounded queue and returns, so the driver loop
/// never waits on the network. Messages to a peer with no known address, or whose queue is full,
/// are dropped and counted.
/// </summary>
public sealed class HttpMessageSender : IAsyncDisposable
{
    private readonly ConcurrentDictionary<NodeId, PeerSender> _peers = new();
    private readonly PeerDirectory _directory;
    private readonly NodeId _self;
    private readonly MessageAuthenticator _authenticator;
    private readonly HttpCounters _counters;
    private readonly HttpClient _client;
    private readonly int _queueMax;

    public HttpMessageSender(NodeId self, PeerDirectory directory, MessageAuthenticator authenticator, HttpCounters counters, int queueMax = 256)
    {
        _self = self;
        _directory = directory;
        _authenticator = authenticator;
        _counters = counters;
        _queueMax = queueMax;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 4,
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Queues <paramref name="body"/> (one encoded message, owned by the sender from now on) for <paramref name="to"/>.</summary>
    public bool Send(NodeId to, byte[] body, bool isResponse)
    {
        if (!_directory.TryGet(to, out _))
        {
            _counters.OnSendDropped();
            return false;
        }
        var peer = _peers.GetOrAdd(to, CreatePeer);
        if (peer.TryEnqueue(new OutgoingMessage(body, isResponse))) return true;
        _counters.OnSendDropped();
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers.Values) await peer.CompleteAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    private PeerSender CreatePeer(NodeId peer) =>
        new(() => _directory.TryGet(peer, out var uri) ? uri : null, _self.Value, _client, _authenticator, _counters, _queueMax);
}
