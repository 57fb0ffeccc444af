using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Wire;

public sealed class MessageCodecTests
{
    [Fact]
    public void Heartbeat_EncodeThenDecode_RoundTripsEveryField()
    {
        var sent = new Heartbeat(Incarnation: 7, Sequence: 123_456, Profiles.Rich(), Profiles.RichLoad(), WantsAck: true);

        var received = Assert.IsType<Heartbeat>(Decode(Encode(sent)));

        Assert.Equal(7, received.Incarnation);
        Assert.Equal(123_456, received.Sequence);
        Assert.True(received.WantsAck);
        Assert.Equal(new NodeId("vast-rtx5090-7"), received.Profile.Node);
        Assert.Equal("vast.ai Zürich", received.Profile.Provider);
        Assert.Equal(new GpuProfile("RTX 5090 ✓", 8, 32), received.Profile.Gpu);
        Assert.Equal((1024, 128, 20_000), (received.Profile.MemoryGb, received.Profile.Cpus, received.Profile.DiskGb));
        Assert.Equal((true, true, true), (received.Profile.IsVoter, received.Profile.NatBlocked, received.Profile.ProxyOnly));
        Assert.Equal((3, 1, 2), (received.Load.SelfplayJobs, received.Load.TrainingJobs, received.Load.GauntletJobs));
        Assert.Equal(Profiles.RichLoad().Resources, received.Load.Resources);
        Assert.Equal(sent, received);
    }

    [Fact]
    public void HeartbeatAck_EncodeThenDecode_RoundTripsEveryField()
    {
        var sent = new HeartbeatAck(Incarnation: 3, Sequence: 999, Profiles.Rich(), Profiles.RichLoad());

        var received = Assert.IsType<HeartbeatAck>(Decode(Encode(sent)));

        Assert.Equal(3, received.Incarnation);
        Assert.Equal(999, received.Sequence);
        Assert.Equal(Profiles.Rich(), received.Profile);
        Assert.Equal(Profiles.RichLoad(), received.Load);
        Assert.Equal(sent, received);
    }

    [Fact]
    public void HeartbeatAck_Minimal_HasGoldenBytes()
    {
        // The wire format is a protocol: tag, zig-zag incarnation and sequence, profile, load.
        var profile = new NodeProfile(new NodeId("a"), "p", GpuProfile.None, 1, 2, 3, IsVoter: true, NatBlocked: false, ProxyOnly: false);
        var ack = new HeartbeatAck(Incarnation: 1, Sequence: 2, profile, NodeLoad.Idle);

        Assert.Equal(
            "02-02-04-01-61-01-70-00-00-00-01-02-03-01-00-00-00-00-00-00-00-00-00-00",
            BitConverter.ToString(Encode(ack)));
    }

    [Property]
    public Property EncodeThenDecode_IsIdentity() => Prop.ForAll(WireGen.Message.ToArbitrary(), message =>
        Decode(Encode(message)) == message);

    [Property]
    public Property Encode_IsCanonical() => Prop.ForAll(WireGen.Message.ToArbitrary(), message =>
        Encode(message).AsSpan().SequenceEqual(Encode(Decode(Encode(message)))));

    [Property]
    public Property TryDecode_AnyStrictPrefix_IsRejected() => Prop.ForAll(WireGen.Message.ToArbitrary(), message =>
    {
        var bytes = Encode(message);
        for (var length = 0; length < bytes.Length; length++)
            if (MessageCodec.TryDecode(bytes.AsSpan(0, length), out var decoded, out _) || decoded is not null) return false;
        return true;
    });

    [Property]
    public bool TryDecode_NeverThrows(byte[] bytes)
    {
        MessageCodec.TryDecode(bytes ?? Array.Empty<byte>(), out _, out _);
        return true;
    }

    [Property]
    public Property TryDecode_OfCorruptedMessage_NeverThrows() => Prop.ForAll(
        (from message in WireGen.Message
         from position in Gen.Choose(0, int.MaxValue)
         from value in Gen.Choose(0, 255)
         from cut in Gen.Choose(0, 3)
         select (message, position, (byte)value, cut)).ToArbitrary(),
        input =>
        {
            var bytes = Encode(input.message);
            bytes[input.position % bytes.Length] = input.Item3;
            var kept = bytes.AsSpan(0, bytes.Length - Math.Min(input.cut, bytes.Length));
            var ok = MessageCodec.TryDecode(kept, out var decoded, out var error);
            return ok ? decoded is not null && error == "" : decoded is null && error.Length > 0;
        });

    [Property]
    public Property TryDecode_WithRandomTail_NeverThrows() => Prop.ForAll(
        (from message in WireGen.Message
         from tail in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
         select (message, tail)).ToArbitrary(),
        input =>
        {
            var encoded = Encode(input.message);
            var bytes = new byte[encoded.Length + input.tail.Length];
            encoded.CopyTo(bytes, 0);
            input.tail.CopyTo(bytes, encoded.Length);
            var ok = MessageCodec.TryDecode(bytes, out _, out var error);
            return input.tail.Length == 0 ? ok : !ok && error == "trailing bytes after message";
        });

    [Fact]
    public void TryDecode_Empty_IsRejectedAsTruncated()
    {
        Assert.False(MessageCodec.TryDecode(ReadOnlySpan<byte>.Empty, out var message, out var error));
        Assert.Null(message);
        Assert.Equal("truncated at byte 0", error);
    }

    [Theory]
    [InlineData((byte)0)]
    [InlineData((byte)3)]
    [InlineData((byte)0xFF)]
    public void TryDecode_UnknownTag_IsRejected(byte tag)
    {
        Assert.False(MessageCodec.TryDecode(new[] { tag }, out var message, out var error));
        Assert.Null(message);
        Assert.Equal($"unknown message kind {tag}", error);
    }

    [Fact]
    public void TryDecode_TrailingByte_IsRejected()
    {
        var bytes = Encode(new HeartbeatAck(1, 1, Profiles.Gpu("node-b"), NodeLoad.Idle));
        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);

        Assert.False(MessageCodec.TryDecode(padded, out var message, out var error));
        Assert.Null(message);
        Assert.Equal("trailing bytes after message", error);
    }

    [Fact]
    public void TryDecode_Oversize_IsRejectedBeforeParsing()
    {
        var valid = Encode(new HeartbeatAck(1, 1, Profiles.Gpu("node-b"), NodeLoad.Idle));
        var oversize = new byte[MessageCodec.MaxMessageBytes + 1];
        valid.CopyTo(oversize, 0);

        Assert.False(MessageCodec.TryDecode(oversize, out var message, out var error));
        Assert.Null(message);
        Assert.Equal("message of 65537 bytes exceeds 65536", error);
    }

    [Fact]
    public void TryDecode_RatioAboveOne_IsRejected()
    {
        var load = NodeLoad.Idle with { Resources = ResourceSample.Idle with { GpuBusy = new Ratio(10_001) } };
        AssertRejected(new HeartbeatAck(1, 1, Profiles.Gpu("node-b"), load), "ratio out of range: 10001");
    }

    [Fact]
    public void TryDecode_UnknownGpuHealth_IsRejected()
    {
        var load = NodeLoad.Idle with { Resources = ResourceSample.Idle with { GpuHealth = (GpuHealth)4 } };
        AssertRejected(new HeartbeatAck(1, 1, Profiles.Gpu("node-b"), load), "unknown gpu health 4");
    }

    [Fact]
    public void TryDecode_ProviderOver64Bytes_IsRejected()
    {
        // Our encoder refuses such a profile, so the bytes are what a foreign or buggy sender would write:
        // a valid encoding whose 64-byte provider is patched to 65 bytes.
        var atBound = Profiles.Gpu("node-b") with { Provider = new string('p', NodeProfile.ProviderBytesMax) };
        var bytes = Encode(new HeartbeatAck(1, 1, atBound, NodeLoad.Idle));
        var field = new byte[] { 64 }.Concat(Enumerable.Repeat((byte)'p', 64)).ToArray();
        var start = bytes.AsSpan().IndexOf(field);
        var patched = bytes[..start].Concat(new byte[] { 65 }).Concat(Enumerable.Repeat((byte)'p', 65)).Concat(bytes[(start + field.Length)..]).ToArray();

        Assert.False(MessageCodec.TryDecode(patched, out var decoded, out var error));
        Assert.Null(decoded);
        Assert.Equal("value 65 exceeds bound 64", error);
    }

    [Fact]
    public void Encode_ProfileBeyondTheWireBounds_IsAnInvariantViolation()
    {
        var longProvider = Profiles.Gpu("node-b") with { Provider = new string('p', 65) };
        var manyGpus = Profiles.Gpu("node-b") with { Gpu = new GpuProfile("H100", 65, 80) };

        Assert.Throws<InvariantViolationException>(() => Encode(new HeartbeatAck(1, 1, longProvider, NodeLoad.Idle)));
        Assert.Throws<InvariantViolationException>(() => Encode(new HeartbeatAck(1, 1, manyGpus, NodeLoad.Idle)));
    }

    [Fact]
    public void Encode_WithReusedWriter_GivesSameBytesAsFreshWriter()
    {
        var writer = new WireWriter();
        MessageCodec.Encode(new Heartbeat(9, 9, Profiles.Rich(), Profiles.RichLoad(), true), writer);
        writer.Reset();
        var message = new HeartbeatAck(2, 5, Profiles.Gpu("node-c"), NodeLoad.Idle);
        MessageCodec.Encode(message, writer);

        Assert.Equal(Encode(message), writer.Written.ToArray());
    }

    /// <summary>What the encoder writes but the decoder's bounds refuse: a sender misconfigured this way is never heard.</summary>
    private static void AssertRejected(Message message, string expectedError)
    {
        Assert.False(MessageCodec.TryDecode(Encode(message), out var decoded, out var error));
        Assert.Null(decoded);
        Assert.Equal(expectedError, error);
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
