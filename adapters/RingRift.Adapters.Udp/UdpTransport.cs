using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using RingRift.Adapters.Security;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Adapters.Udp;

/// <summary>
/// SWIM probes and gossip as signed datagrams. One task receives and one sends, neither on the
/// driver loop. Datagrams are bounded (<c>datagramMax</c>, under a typical MTU): a message too big to
/// fit is refused by <see cref="TrySend"/> (the host sends it over HTTP instead); a received datagram
/// that is oversized, malformed, unsigned, stale, replayed or undecodable is dropped and counted.
/// </summary>
public sealed class UdpTransport : IAsyncDisposable
{
    public const int DefaultDatagramMax = 1400;

    private readonly Socket _socket;
    private readonly string _self;
    private readonly MessageAuthenticator _authenticator;
    private readonly ReplayGuard _replays;
    private readonly Func<NodeId, Message, bool, bool> _deliver;
    private readonly int _datagramMax;
    private readonly Channel<(IPEndPoint To, byte[] Bytes)> _outbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;
    private readonly Task _sender;

    /// <param name="deliver">Posts a decoded message to the driver loop; false when its inbox is full.</param>
    public UdpTransport(IPEndPoint bind, string self, MessageAuthenticator authenticator, ReplayGuard replays,
        Func<NodeId, Message, bool, bool> deliver, UdpCounters counters, int datagramMax = DefaultDatagramMax)
    {
        _self = self;
        _authenticator = authenticator;
        _replays = replays;
        _deliver = deliver;
        _datagramMax = datagramMax;
        Counters = counters;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(bind);
        _outbox = Channel.CreateBounded<(IPEndPoint, byte[])>(new BoundedChannelOptions(1024) { SingleReader = true });
        _receiver = Task.Run(ReceiveAsync);
        _sender = Task.Run(SendAsync);
    }

    public UdpCounters Counters { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Queues one encoded message; false when it would not fit in a datagram or the queue is full.</summary>
    public bool TrySend(IPEndPoint to, byte[] body, bool isResponse)
    {
        var bytes = Datagram.Build(_authenticator, _self, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), body, isResponse);
        if (bytes is null || bytes.Length > _datagramMax) return false;
        if (_outbox.Writer.TryWrite((to, bytes))) return true;
        Counters.OnDropped("send_queue_full");
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryComplete();
        await _sender.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiver.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task SendAsync()
    {
        await foreach (var (to, bytes) in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await _socket.SendToAsync(bytes, SocketFlags.None, to).ConfigureAwait(false);
                Counters.OnSent();
            }
            catch (SocketException)
            {
                Counters.OnDropped("send_failed");
            }
        }
    }

    private async Task ReceiveAsync()
    {
        // One byte more than the largest datagram accepted, so that an oversized one is seen as such.
        var buffer = new byte[_datagramMax + 1];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.MessageSize)
            {
                Counters.OnDropped("oversize");
                continue;
            }
            catch (SocketException) when (!_stop.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Handle(buffer.AsSpan(0, result.ReceivedBytes));
        }
    }

    private void Handle(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _datagramMax) { Counters.OnDropped("oversize"); return; }
        if (!Datagram.TryParse(bytes, out var parts, out var reason)) { Counters.OnDropped("malformed_" + reason); return; }
        var nonce = bytes.Slice(parts.NonceAt, MessageAuthenticator.NonceBytes);
        var mac = bytes.Slice(parts.MacAt, MessageAuthenticator.MacBytes);
        var body = bytes[parts.BodyAt..];
        if (!_authenticator.Verify(parts.Sender, Datagram.Context(parts.IsResponse), parts.TimestampMs, nonce, body, mac))
        {
            Counters.OnDropped("auth");
            return;
        }
        var verdict = _replays.Check(parts.Sender, parts.TimestampMs, nonce);
        if (verdict != ReplayVerdict.Fresh)
        {
            Counters.OnDropped(verdict switch { ReplayVerdict.OutsideWindow => "stale", ReplayVerdict.Replayed => "replay", _ => "replay_guard_full" });
            return;
        }
        if (!MessageCodec.TryDecode(body, out var message, out _)) { Counters.OnDropped("malformed_message"); return; }
        if (!_deliver(new NodeId(parts.Sender), message!, parts.IsResponse)) { Counters.OnDropped("inbox_full"); return; }
        Counters.OnReceived();
    }
}
