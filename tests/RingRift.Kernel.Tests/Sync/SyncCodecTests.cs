using System;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncBuild;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>The sync wire format: round trips, the bounds it promises, and rejection of malformed bytes.</summary>
public sealed class SyncCodecTests
{
    private delegate T Reader<out T>(ref WireReader reader);

    private static byte[] Encode(Action<WireWriter> write)
    {
        var writer = new WireWriter();
        write(writer);
        return writer.Written.ToArray();
    }

    private static T Decode<T>(byte[] bytes, Reader<T> read)
    {
        var reader = new WireReader(bytes);
        var value = read(ref reader);
        Assert.True(reader.AtEnd);
        return value;
    }

    private static string Rejection<T>(byte[] bytes, Reader<T> read) =>
        Assert.Throws<MalformedMessageException>(() => Decode(bytes, read)).Message;

    [Fact]
    public void ContentHash_IsSixteenBytesHighWordFirst()
    {
        var hash = new ContentHash(0x0102030405060708, 0x090A0B0C0D0E0F10);
        var bytes = Encode(hash.Write);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (byte)i), bytes);
        Assert.Equal(hash, Decode(bytes, ContentHash.Read));
    }

    [Fact]
    public void ManifestEntry_RoundTrips_AndHasExactBytes()
    {
        var entry = new ManifestEntry("m/a.pt", FileKind.Model, "hex8_2p", new ByteSize(300), new ContentHash(1, 2));
        var bytes = Encode(entry.Write);
        Assert.Equal(
            "066D2F612E70740307686578385F3270AC02" + "0000000000000001" + "0000000000000002",
            Convert.ToHexString(bytes));
        Assert.Equal(entry, Decode(bytes, ManifestEntry.Read));
    }

    [Fact]
    public void ManifestDelta_RoundTrips()
    {
        var delta = new ManifestDelta(new NodeId("w1"), 41, [ManifestChange.Put(Game(1)), ManifestChange.Remove(Game(2).Path)]);
        var decoded = Decode(Encode(delta.Write), ManifestDelta.Read);
        Assert.Equal(delta.Node, decoded.Node);
        Assert.Equal(41, decoded.BaseVersion);
        Assert.Equal(delta.Changes.ToArray(), decoded.Changes.ToArray());
    }

    [Fact]
    public void ManifestDigest_RoundTrips()
    {
        var digest = Manifest.Create(new NodeId("w1"), 0, [Game(1), Game(2), Model(3)]).Digest;
        Assert.Equal(digest, Decode(Encode(digest.Write), ManifestDigest.Read));
    }

    [Fact]
    public void WorstCaseDelta_FitsItsBound_AndSixtyKilobytes()
    {
        var longest = new string('a', SyncWire.PathBytesMax);
        var entry = new ManifestEntry(longest, FileKind.TrainingNpz, new string('c', SyncWire.ConfigKeyBytesMax),
            new ByteSize(SyncWire.FileBytesMax), new ContentHash(ulong.MaxValue, ulong.MaxValue));
        var delta = new ManifestDelta(new NodeId(new string('n', WireLimits.NodeIdBytesMax)), long.MaxValue,
            [.. Enumerable.Repeat(ManifestChange.Put(entry), ManifestDelta.ChangesMax)]);
        var bytes = Encode(delta.Write);
        Assert.True(bytes.Length <= ManifestDelta.EncodedBytesMax, bytes.Length + " > " + ManifestDelta.EncodedBytesMax);
        Assert.True(ManifestDelta.EncodedBytesMax <= 60 * 1024);
        // The bound counts a full ten-byte size varint; the largest size takes seven.
        Assert.Equal(ManifestEntry.EncodedBytesMax - 3, Encode(entry.Write).Length);
    }

    [Fact]
    public void Read_PathLeavingTheDataDirectory_IsRejected()
    {
        var bytes = Encode(Game(1).Write);
        var evil = Encode(w => { w.WriteString("games/../../x.db"); w.WriteRaw(bytes.AsSpan(1 + Game(1).Path.Length)); });
        Assert.Equal("path 'games/../../x.db' has a '.' or '..' segment", Rejection(evil, ManifestEntry.Read));
    }

    [Fact]
    public void Read_UnknownKind_IsRejected()
    {
        var bytes = Encode(Game(1).Write);
        bytes[1 + Game(1).Path.Length] = 7;
        Assert.Equal("unknown file kind 7", Rejection(bytes, ManifestEntry.Read));
    }

    [Fact]
    public void Read_OversizedFile_IsRejected()
    {
        var bytes = Encode(w =>
        {
            w.WriteString("a.db");
            w.WriteByte(1);
            w.WriteString("");
            w.WriteVarUInt64(SyncWire.FileBytesMax + 1);
        });
        Assert.Equal("file size 10000000000001 exceeds 10000000000000", Rejection(bytes, ManifestEntry.Read));
    }

    [Fact]
    public void Read_DeltaWithTooManyChanges_IsRejected()
    {
        var bytes = Encode(w => { w.WriteNodeId(new NodeId("w1")); w.WriteVarInt64(0); w.WriteVarUInt64(ManifestDelta.ChangesMax + 1); });
        Assert.Equal("value 101 exceeds bound 100", Rejection(bytes, ManifestDelta.Read));
    }

    [Fact]
    public void Read_NegativeBaseVersion_IsRejected()
    {
        var bytes = Encode(w => { w.WriteNodeId(new NodeId("w1")); w.WriteVarInt64(-1); w.WriteVarUInt64(0); });
        Assert.Equal("manifest base version is negative: -1", Rejection(bytes, ManifestDelta.Read));
    }

    [Fact]
    public void Read_UnknownChangeTag_IsRejected()
    {
        var bytes = Encode(w => { w.WriteNodeId(new NodeId("w1")); w.WriteVarInt64(0); w.WriteVarUInt64(1); w.WriteByte(3); });
        Assert.Equal("unknown manifest change 3", Rejection(bytes, ManifestDelta.Read));
    }

    [Fact]
    public void Read_DigestCountBeyondTheManifestBound_IsRejected()
    {
        var bytes = Encode(w => { w.WriteVarUInt64(Manifest.EntriesMax + 1UL); w.WriteRaw(new byte[16]); });
        Assert.Equal("manifest count 4000001 exceeds 4000000", Rejection(bytes, ManifestDigest.Read));
    }

    /// <summary>Every strict prefix of a valid encoding is malformed, never a different valid value.</summary>
    [Property(MaxTest = 100)]
    public Property Read_AnyTruncatedDelta_IsRejected() => Prop.ForAll(SyncScenario.Any, scenario =>
    {
        var entries = scenario.Nodes[0].Manifest.Entries;
        var delta = new ManifestDelta(scenario.Nodes[0].Node, scenario.Seed, [.. entries.Take(5).Select(ManifestChange.Put)]);
        var bytes = Encode(delta.Write);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var prefix = bytes[..cut];
            try
            {
                var reader = new WireReader(prefix);
                ManifestDelta.Read(ref reader);
                return false;
            }
            catch (MalformedMessageException)
            {
            }
        }
        return true;
    });

    [Property(MaxTest = 200)]
    public Property Delta_RoundTrips() => Prop.ForAll(SyncScenario.Any, scenario =>
    {
        var node = scenario.Nodes[^1];
        var changes = node.Manifest.Entries.Select((e, i) => i % 3 == 0 ? ManifestChange.Remove(e.Path) : ManifestChange.Put(e));
        var delta = new ManifestDelta(node.Node, scenario.Seed, [.. changes.Take(ManifestDelta.ChangesMax)]);
        var decoded = Decode(Encode(delta.Write), ManifestDelta.Read);
        return decoded.Node == delta.Node && decoded.BaseVersion == delta.BaseVersion && decoded.Changes.SequenceEqual(delta.Changes);
    });

    [Property(MaxTest = 200)]
    public Property Digest_RoundTrips() => Prop.ForAll(SyncScenario.Any, scenario =>
    {
        var digest = scenario.Nodes[0].Manifest.Digest;
        return Decode(Encode(digest.Write), ManifestDigest.Read) == digest;
    });
}
