using System;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Kernel.Tests.Wire;

public sealed class SwimCodecTests
{
    private static readonly SwimIncarnation Sender = new(3, 2);

    /// <summary>One update of each kind, with non-ASCII names, a large incarnation and a large beat.</summary>
    private static readonly ImmutableArray<SwimUpdate> Rich =
    [
        SwimUpdate.Alive(new NodeId("vast-rtx5090-7"), new SwimIncarnation(long.MaxValue, SwimIncarnation.RefutationMax)),
        SwimUpdate.Suspect(new NodeId("nebius-h100-1"), new SwimIncarnation(1, 0), new NodeId("zürich-✓")),
        SwimUpdate.Dead(new NodeId("lambda-gh200-2"), new SwimIncarnation(0, 0)),
        SwimUpdate.Heartbeat(new NodeId("vast-rtx3090-1"), new SwimIncarnation(7, 1), long.MaxValue),
    ];

    public static TheoryData<Message> Messages() => new()
    {
        new SwimPing(Sender, 1, Rich),
        new SwimPing(Sender, long.MaxValue, []),
        new SwimAck(Sender, 42, Rich),
        new SwimPingReq(Sender, 43, new NodeId("lambda-gh200-1"), Rich),
        new SwimNack(Sender, 44),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void SwimMessage_EncodeThenDecode_RoundTripsEveryField(Message sent)
    {
        var received = Decode(Encode(sent));

        Assert.Equal(sent.GetType(), received.GetType());
        Assert.Equal(sent, received);
        Assert.Equal(sent.GetHashCode(), received.GetHashCode());
        Assert.Equal(3, ((ICarriesIncarnation)received).Incarnation);
    }

    [Fact]
    public void SwimPing_Minimal_HasGoldenBytes()
    {
        // Tag 30, boot 1, refutation 0, sequence 5, one update: kind 1 (suspect), "b", boot 1, refutation 2, accuser "c".
        var ping = new SwimPing(new SwimIncarnation(1, 0), 5, [SwimUpdate.Suspect(new NodeId("b"), new SwimIncarnation(1, 2), new NodeId("c"))]);

        Assert.Equal("1E-01-00-05-01-01-01-62-01-02-01-63", BitConverter.ToString(Encode(ping)));
    }

    [Fact]
    public void SwimNack_AndBeat_HaveGoldenBytes()
    {
        var ack = new SwimAck(new SwimIncarnation(2, 1), 300, [SwimUpdate.Heartbeat(new NodeId("n"), new SwimIncarnation(2, 0), 9)]);

        Assert.Equal("21-02-01-07", BitConverter.ToString(Encode(new SwimNack(new SwimIncarnation(2, 1), 7))));
        Assert.Equal("1F-02-01-AC-02-01-03-01-6E-02-00-09", BitConverter.ToString(Encode(ack)));
    }

    [Fact]
    public void UnknownUpdateKind_IsRejected()
    {
        var bytes = Encode(new SwimAck(Sender, 1, [SwimUpdate.Dead(new NodeId("b"), Sender)]));
        bytes[5] = 4;

        Assert.False(MessageCodec.TryDecode(bytes, out _, out var error));
        Assert.Equal("unknown swim update kind 4", error);
    }

    [Fact]
    public void RefutationBeyondItsBound_IsRejected()
    {
        var writer = new WireWriter();
        writer.WriteByte((byte)MessageKind.SwimNack);
        writer.WriteVarUInt64(1);
        writer.WriteVarUInt64((ulong)SwimIncarnation.RefutationMax + 1);
        writer.WriteVarUInt64(1);

        Assert.False(MessageCodec.TryDecode(writer.Written, out _, out var error));
        Assert.StartsWith("refutation out of range", error);
    }

    [Fact]
    public void MoreUpdatesThanTheWireBound_AreRejected()
    {
        var updates = Enumerable.Repeat(SwimUpdate.Dead(new NodeId("b"), Sender), SwimUpdate.WireMax + 1).ToImmutableArray();

        Assert.False(MessageCodec.TryDecode(Encode(new SwimPing(Sender, 1, updates)), out _, out var error));
        Assert.Equal("value 65 exceeds bound 64", error);
    }

    [Fact]
    public void SwimMessages_AreEqualByValue_NotByArrayReference()
    {
        var a = new SwimPing(Sender, 1, [.. Rich]);
        var b = new SwimPing(Sender, 1, [.. Rich]);

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { Updates = Rich.RemoveAt(0) });
        Assert.NotEqual<Message>(new SwimPing(Sender, 1, []), new SwimAck(Sender, 1, []));
    }

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }

    private static Message Decode(byte[] bytes) =>
        MessageCodec.TryDecode(bytes, out var message, out var error) ? message! : throw new InvalidOperationException(error);
}
