using System;
using RingRift.Kernel.Election;
using RingRift.Kernel.Node;
using Xunit;

namespace RingRift.Kernel.Tests.Wire;

public sealed class ElectionCodecTests
{
    [Fact]
    public void PreVoteRequest_EncodeThenDecode_RoundTripsEveryField()
    {
        var sent = new PreVoteRequest(Epoch: 1_234_567_890_123, SentAt: new Instant(987_654_321));

        Assert.Equal(sent, Assert.IsType<PreVoteRequest>(Decode(Encode(sent))));
    }

    [Fact]
    public void PreVoteReply_EncodeThenDecode_RoundTripsEveryField()
    {
        var sent = new PreVoteReply(Epoch: 42, Granted: true, RequestSentAt: new Instant(5_000_000), VoterMaxEpoch: 77, BusyFor: Duration.FromSeconds(13));

        Assert.Equal(sent, Assert.IsType<PreVoteReply>(Decode(Encode(sent))));
    }

    [Fact]
    public void PreVoteMessages_Minimal_HaveGoldenBytes()
    {
        // Tag 14 or 15, then zig-zag varints; the reply's granted flag is one byte.
        Assert.Equal("0E-02-04", BitConverter.ToString(Encode(new PreVoteRequest(1, new Instant(2)))));
        Assert.Equal("0F-02-01-04-06-08", BitConverter.ToString(Encode(new PreVoteReply(1, true, new Instant(2), 3, new Duration(4)))));
    }

    [Theory]
    [InlineData("0E-02")]
    [InlineData("0F-02-01-04-06")]
    [InlineData("0E-02-04-00")]
    public void PreVoteMessages_TruncatedOrTrailingBytes_AreMalformed(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace("-", "", StringComparison.Ordinal));

        Assert.False(MessageCodec.TryDecode(bytes, out var message, out var error));
        Assert.Null(message);
        Assert.NotEmpty(error);
    }

    private static byte[] Encode(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Written.ToArray();
    }

    private static Message Decode(byte[] bytes)
    {
        Assert.True(MessageCodec.TryDecode(bytes, out var message, out var error), error);
        return message!;
    }
}
