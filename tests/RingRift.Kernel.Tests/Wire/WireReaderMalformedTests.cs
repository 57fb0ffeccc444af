using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Wire;

public sealed class WireReaderMalformedTests
{
    [Fact]
    public void ReadByte_AtEnd_ThrowsTruncated()
    {
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(ReadOnlySpan<byte>.Empty).ReadByte());
        Assert.Equal("truncated at byte 0", error.Message);
    }

    [Fact]
    public void ReadVarUInt64_ContinuationWithoutEnd_ThrowsTruncated()
    {
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(new byte[] { 0x80, 0x80 }).ReadVarUInt64());
        Assert.Equal("truncated at byte 2", error.Message);
    }

    [Fact]
    public void ReadVarUInt64_ElevenBytes_ThrowsOverlong()
    {
        var bytes = new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 };
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(bytes).ReadVarUInt64());
        Assert.Equal("varint longer than 10 bytes at byte 10", error.Message);
    }

    [Theory]
    [InlineData((byte)0x02)]
    [InlineData((byte)0x7F)]
    public void ReadVarUInt64_TenthByteBeyondSixtyFourBits_Throws(byte last)
    {
        // Nine full groups carry 63 bits; the tenth may add only bit 63. More is a value of 2^64 or
        // above, which must not silently decode as something else.
        var bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, last };
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(bytes).ReadVarUInt64());
        Assert.Equal("varint exceeds 64 bits at byte 9", error.Message);
    }

    [Fact]
    public void ReadVarUInt64_TenthByteOne_IsMaxValue()
    {
        var bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };
        Assert.Equal(ulong.MaxValue, new WireReader(bytes).ReadVarUInt64());
    }

    [Theory]
    [InlineData((byte)2)]
    [InlineData((byte)0xFF)]
    public void ReadBool_NotZeroOrOne_Throws(byte value)
    {
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(new[] { value }).ReadBool());
        Assert.Equal($"bad bool {value} at byte 0", error.Message);
    }

    [Fact]
    public void ReadBoundedInt_AboveBound_Throws()
    {
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(new byte[] { 0x41 }).ReadBoundedInt(64));
        Assert.Equal("value 65 exceeds bound 64", error.Message);
    }

    [Fact]
    public void ReadBoundedInt_AtBound_IsAccepted()
    {
        Assert.Equal(64, new WireReader(new byte[] { 0x40 }).ReadBoundedInt(64));
    }

    [Fact]
    public void ReadBoundedInt_HugeVarint_ThrowsInsteadOfWrapping()
    {
        var bytes = new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 };
        Assert.Throws<MalformedMessageException>(() => new WireReader(bytes).ReadBoundedInt(int.MaxValue));
    }

    [Fact]
    public void ReadString_LengthPastEnd_Throws()
    {
        var error = Assert.Throws<MalformedMessageException>(() => new WireReader(new byte[] { 0x05, 0x61, 0x62 }).ReadString());
        Assert.Equal("string runs past end", error.Message);
    }

    [Fact]
    public void ReadString_LongerThanMaxBytes_Throws()
    {
        var writer = new WireWriter();
        writer.WriteString("abcde");
        var bytes = writer.Written.ToArray();
        Assert.Throws<MalformedMessageException>(() => new WireReader(bytes).ReadString(maxBytes: 4));
        Assert.Equal("abcde", new WireReader(bytes).ReadString(maxBytes: 5));
    }

    [Fact]
    public void ReadNodeId_Over256Bytes_Throws()
    {
        var writer = new WireWriter();
        writer.WriteString(new string('n', 257));
        var bytes = writer.Written.ToArray();
        Assert.Throws<MalformedMessageException>(() => new WireReader(bytes).ReadNodeId());
    }

    [Fact]
    public void ReadNodeId_Exactly256Bytes_IsAccepted()
    {
        var writer = new WireWriter();
        var id = new NodeId(new string('é', 128));
        writer.WriteNodeId(id);
        Assert.Equal(id, new WireReader(writer.Written.ToArray()).ReadNodeId());
    }

    [Fact]
    public void AtEnd_TracksConsumption()
    {
        var reader = new WireReader(new byte[] { 0x01, 0x02 });
        Assert.False(reader.AtEnd);
        reader.ReadByte();
        Assert.False(reader.AtEnd);
        reader.ReadByte();
        Assert.True(reader.AtEnd);
    }

    [Property]
    public Property ReadVarUInt64_AnyStrictPrefix_Throws() => Prop.ForAll(WireGen.UInt64.ToArbitrary(), value =>
    {
        var writer = new WireWriter();
        writer.WriteVarUInt64(value);
        return EveryStrictPrefixThrows(writer, static b => new WireReader(b).ReadVarUInt64());
    });

    [Property]
    public Property ReadString_AnyStrictPrefix_Throws() => Prop.ForAll(WireGen.Text.ToArbitrary(), text =>
    {
        var writer = new WireWriter();
        writer.WriteString(text);
        return EveryStrictPrefixThrows(writer, static b => new WireReader(b).ReadString(int.MaxValue));
    });

    [Property]
    public bool Reads_OfArbitraryBytes_ThrowOnlyMalformed(byte[] bytes)
    {
        var data = bytes ?? Array.Empty<byte>();
        try
        {
            var reader = new WireReader(data);
            while (!reader.AtEnd)
            {
                reader.ReadVarInt64();
                reader.ReadString(64);
                reader.ReadBool();
            }
        }
        catch (MalformedMessageException)
        {
        }
        return true;
    }

    [Fact]
    public void ReadString_InvalidUtf8_DecodesWithReplacementCharacter()
    {
        // Not canonical (re-encoding gives other bytes) but total: invalid UTF-8 never throws.
        Assert.Equal("\uFFFD", new WireReader(new byte[] { 0x01, 0xFF }).ReadString());
    }

    private static bool EveryStrictPrefixThrows(WireWriter writer, Func<byte[], object> read)
    {
        var bytes = writer.Written.ToArray();
        for (var length = 0; length < bytes.Length; length++)
        {
            try
            {
                read(bytes.AsSpan(0, length).ToArray());
                return false;
            }
            catch (MalformedMessageException)
            {
            }
        }
        return true;
    }
}
