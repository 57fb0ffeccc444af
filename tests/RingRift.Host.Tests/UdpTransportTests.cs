using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using RingRift.Adapters.Security;
using RingRift.Adapters.Udp;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>SWIM datagrams over real loopback sockets: signed ones arrive; bad ones are dropped and counted.</summary>
public sealed class UdpTransportTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly IPEndPoint Loopback = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<(NodeId From, Message Message)> _delivered = new();
    private UdpTransport _sender = null!;
    private UdpTransport _receiver = null!;

    public Task InitializeAsync()
    {
        _sender = Transport("node-a", static (_, _, _) => true);
        _receiver = Transport("node-b", (from, message, _) =>
        {
            _delivered.Enqueue((from, message));
            return true;
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sender.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task TrySend_SignedPing_IsDeliveredWithItsSender()
    {
        var ping = new SwimPing(new SwimIncarnation(1, 0), 7, []);

        Assert.True(_sender.TrySend(_receiver.LocalEndPoint, Encode(ping), isResponse: false));

        Assert.True(await Poll.Until(() => !_delivered.IsEmpty, Bound));
        Assert.True(_delivered.TryDequeue(out var got));
        Assert.Equal("node-a", got.From.Value);
        Assert.Equal(ping.Sequence, Assert.IsType<SwimPing>(got.Message).Sequence);
    }

    [Fact]
    public void TrySend_MessageLargerThanADatagram_IsRefused()
    {
        Assert.False(_sender.TrySend(_receiver.LocalEndPoint, new byte[UdpTransport.DefaultDatagramMax], isResponse: false));
    }

    [Fact]
    public async Task Receive_BadDatagrams_AreDroppedAndCounted()
    {
        var body = Encode(new SwimPing(new SwimIncarnation(1, 0), 9, []));
        var good = Datagram.Build(Signing.Authenticator, "node-z", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), body, false)!;
        var wrongKey = Datagram.Build(new MessageAuthenticator(new ClusterSecret("a-different-secret-0123456789")), "node-z",
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), body, false)!;
        var stale = Datagram.Build(Signing.Authenticator, "node-z", DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds(), body, false)!;
        var tampered = (byte[])good.Clone();
        tampered[^1] ^= 0x40;
        var undecodable = Datagram.Build(Signing.Authenticator, "node-z", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), [0, 1, 2], false)!;
        byte[][] bad = [[1, 2, 3], new byte[2000], wrongKey, stale, tampered, undecodable, good];

        using var raw = new UdpClient(Loopback);
        foreach (var datagram in bad) await raw.SendAsync(datagram, _receiver.LocalEndPoint);
        await raw.SendAsync(good, _receiver.LocalEndPoint);

        Assert.True(await Poll.Until(() => _receiver.Counters.DroppedTotal == 7, Bound), $"dropped {_receiver.Counters.DroppedTotal}");
        Assert.Equal(1, _receiver.Counters.Dropped("replay"));
        Assert.Equal(1, _receiver.Counters.Dropped("stale"));
        Assert.Equal(1, _receiver.Counters.Dropped("oversize"));
        Assert.Equal(2, _receiver.Counters.Dropped("auth"));
        Assert.Single(_delivered);
    }

    private static UdpTransport Transport(string name, Func<NodeId, Message, bool, bool> deliver) => new(
        Loopback, name, Signing.Authenticator,
        new ReplayGuard(TimeSpan.FromSeconds(30), 1000, static () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        deliver, new UdpCounters());

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }
}
