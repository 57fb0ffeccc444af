using System.Collections.Immutable;
using RingRift.Kernel.Node;
using RingRift.Kernel.Sync;
using Xunit;

namespace RingRift.Kernel.Tests.Sync;

public sealed class SyncMessageCodecTests
{
    private static readonly Transfer Pull = new(
        new NodeId("a"), new NodeId("b"), "games/square8_2p/g1.db", new ContentHash(1, 2), new ByteSize(1000), 0, 1000,
        SyncPriority.GameReplication, TransferInitiator.Target);

    public static TheoryData<Message> Messages() => new(
        new SyncStatus(3, ManifestDigest.Empty, ByteSize.FromGigabytes(1000), ByteSize.FromGigabytes(10), 2),
        new ManifestRequest(7, null),
        new ManifestRequest(7, "games/x.db"),
        new ManifestPageMessage(ManifestPage.Of(SyncBuild.ManifestOf("b", SyncBuild.Game(1), SyncBuild.Game(2)), null)),
        new ManifestDeltaMessage(new ManifestDelta(new NodeId("b"), 4, [ManifestChange.Put(SyncBuild.Game(1)), ManifestChange.Remove("games/y.db")])),
        new TransferOrder(2, [Pull, Pull with { Initiator = TransferInitiator.Source }]),
        new TransferReport(Pull, true, null),
        new TransferReport(Pull, false, TransferFailure.Corrupt),
        new CleanupOrder(3, [new Deletion(new NodeId("w"), "games/square8_2p/g1.db", new ContentHash(5, 6), new ByteSize(2000))]));

    [Fact]
    public void CleanupOrder_FullestOrder_FitsTheCodecs64KiB() => Assert.True(CleanupOrder.EncodedBytesMax < 64 * 1024);

    [Theory]
    [MemberData(nameof(Messages))]
    public void SyncMessage_EncodedAndDecoded_ReEncodesToTheSameBytes(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);

        Assert.True(MessageCodec.TryDecode(writer.Written, out var decoded, out var error), error);
        var again = new WireWriter();
        MessageCodec.Encode(decoded!, again);
        Assert.Equal(writer.Written.ToArray(), again.Written.ToArray());
        Assert.Equal(message.GetType(), decoded!.GetType());
    }

    [Fact]
    public void TransferReport_UnknownFailureByte_IsMalformed()
    {
        var writer = new WireWriter();
        MessageCodec.Encode(new TransferReport(Pull, false, TransferFailure.Corrupt), writer);
        var bytes = writer.Written.ToArray();
        bytes[^1] = 99;

        Assert.False(MessageCodec.TryDecode(bytes, out _, out var error));
        Assert.Contains("unknown transfer failure", error);
    }
}
