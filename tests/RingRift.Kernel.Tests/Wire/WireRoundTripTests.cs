using System;
using System.Collections.Generic;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Wire;

public sealed class WireRoundTripTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7F")]
    [InlineData(128UL, "80-01")]
    [InlineData(300UL, "AC-02")]
    [InlineData(16_383UL, "FF-7F")]
    [InlineData(16_384UL, "80-80-01")]
    [InlineData(ulong.MaxValue, "FF-FF-FF-FF-FF-FF-FF-FF-FF-01")]
    public void WriteVarUInt64_KnownValues_AreLeb128(ulong value, string expected)
    {
        var writer = new WireWriter();
        writer.WriteVarUInt64(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(-1L, "01")]
    [InlineData(1L, "02")]
    [InlineData(-2L, "03")]
    [InlineData(63L, "7E")]
    [InlineData(-64L, "7F")]
    [InlineData(64L, "80-01")]
    [InlineData(long.MaxValue, "FE-FF-FF-FF-FF-FF-FF-FF-FF-01")]
    [InlineData(long.MinValue, "FF-FF-FF-FF-FF-FF-FF-FF-FF-01")]
    public void WriteVarInt64_KnownValues_AreZigZagged(long value, string expected)
    {
        var writer = new WireWriter();
        writer.WriteVarInt64(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Theory]
    [InlineData("", "00")]
    [InlineData("GH200", "05-47-48-32-30-30")]
    [InlineData("é", "02-C3-A9")]
    [InlineData("✓", "03-E2-9C-93")]
    [InlineData("🚀", "04-F0-9F-9A-80")]
    public void WriteString_KnownValues_AreLengthPrefixedUtf8(string value, string expected)
    {
        var writer = new WireWriter();
        writer.WriteString(value);
        Assert.Equal(expected, Hex(writer));
    }

    [Fact]
    public void WriteBool_And_WriteByte_AreOneByteEach()
    {
        var writer = new WireWriter();
        writer.WriteBool(true);
        writer.WriteBool(false);
        writer.WriteByte(0xAB);
        Assert.Equal("01-00-AB", Hex(writer));
    }

    [Property]
    public Property VarUInt64_RoundTrips() => Prop.ForAll(WireGen.UInt64.ToArbitrary(), value =>
    {
        var writer = new WireWriter();
        writer.WriteVarUInt64(value);
        var reader = new WireReader(writer.Written);
        return reader.ReadVarUInt64() == value && reader.AtEnd;
    });

    [Property]
    public Property VarUInt64_EncodedLength_IsSevenBitGroups() => Prop.ForAll(WireGen.UInt64.ToArbitrary(), value =>
    {
        var writer = new WireWriter();
        writer.WriteVarUInt64(value);
        var significantBits = 64 - System.Numerics.BitOperations.LeadingZeroCount(value);
        return writer.Length == Math.Max(1, (significantBits + 6) / 7);
    });

    [Property]
    public Property VarInt64_RoundTrips() => Prop.ForAll(WireGen.Int64.ToArbitrary(), value =>
    {
        var writer = new WireWriter();
        writer.WriteVarInt64(value);
        var reader = new WireReader(writer.Written);
        return reader.ReadVarInt64() == value && reader.AtEnd;
    });

    [Property]
    public Property VarInt64_SmallMagnitudes_StayShort() => Prop.ForAll(Gen.Choose(-64, 63).ToArbitrary(), value =>
    {
        var writer = new WireWriter();
        writer.WriteVarInt64(value);
        return writer.Length == 1;
    });

    [Property]
    public Property String_RoundTrips() => Prop.ForAll(WireGen.Text.ToArbitrary(), text =>
    {
        var writer = new WireWriter();
        writer.WriteString(text);
        var reader = new WireReader(writer.Written);
        return reader.ReadString(int.MaxValue) == text && reader.AtEnd
            && writer.Length == Encoding.UTF8.GetByteCount(text) + LengthOfVarint((ulong)Encoding.UTF8.GetByteCount(text));
    });

    [Property]
    public Property MixedSequence_RoundTripsInOrder() => Prop.ForAll(Gen.ListOf(Field).ToArbitrary(), fields =>
    {
        var writer = new WireWriter(initialCapacity: 1);
        foreach (var field in fields) field.Write(writer);
        var reader = new WireReader(writer.Written);
        foreach (var field in fields)
            if (!field.ReadBack(ref reader)) return false;
        return reader.AtEnd;
    });

    [Fact]
    public void NodeIdInstantDuration_RoundTrip()
    {
        var writer = new WireWriter();
        writer.WriteNodeId(new NodeId("hetzner-cpu-ü"));
        writer.WriteInstant(new Instant(-5));
        writer.WriteDuration(Duration.FromSeconds(90));
        var reader = new WireReader(writer.Written);
        Assert.Equal(new NodeId("hetzner-cpu-ü"), reader.ReadNodeId());
        Assert.Equal(new Instant(-5), reader.ReadInstant());
        Assert.Equal(Duration.FromSeconds(90), reader.ReadDuration());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Writer_PastInitialCapacity_Grows()
    {
        var writer = new WireWriter(initialCapacity: 1);
        var text = new string('x', 1_000);
        writer.WriteString(text);
        writer.WriteVarUInt64(ulong.MaxValue);
        Assert.Equal(2 + 1_000 + 10, writer.Length);
        var reader = new WireReader(writer.Written);
        Assert.Equal(text, reader.ReadString());
        Assert.Equal(ulong.MaxValue, reader.ReadVarUInt64());
    }

    [Fact]
    public void Reset_AfterWriting_StartsOverAtZero()
    {
        var writer = new WireWriter();
        writer.WriteString("first message");
        writer.Reset();
        Assert.Equal(0, writer.Length);
        writer.WriteVarUInt64(300);
        Assert.Equal("AC-02", Hex(writer));
    }

    private static string Hex(WireWriter writer) => BitConverter.ToString(writer.Written.ToArray());

    private static int LengthOfVarint(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    /// <summary>One typed value in a mixed sequence: writes itself and checks what is read back.</summary>
    private abstract record WireField
    {
        public abstract void Write(WireWriter writer);
        public abstract bool ReadBack(ref WireReader reader);
    }

    private sealed record UnsignedField(ulong Value) : WireField
    {
        public override void Write(WireWriter writer) => writer.WriteVarUInt64(Value);
        public override bool ReadBack(ref WireReader reader) => reader.ReadVarUInt64() == Value;
    }

    private sealed record SignedField(long Value) : WireField
    {
        public override void Write(WireWriter writer) => writer.WriteVarInt64(Value);
        public override bool ReadBack(ref WireReader reader) => reader.ReadVarInt64() == Value;
    }

    private sealed record TextField(string Value) : WireField
    {
        public override void Write(WireWriter writer) => writer.WriteString(Value);
        public override bool ReadBack(ref WireReader reader) => reader.ReadString(int.MaxValue) == Value;
    }

    private sealed record BoolField(bool Value) : WireField
    {
        public override void Write(WireWriter writer) => writer.WriteBool(Value);
        public override bool ReadBack(ref WireReader reader) => reader.ReadBool() == Value;
    }

    private static readonly Gen<WireField> Field = Gen.OneOf(
        WireGen.UInt64.Select(v => (WireField)new UnsignedField(v)),
        WireGen.Int64.Select(v => (WireField)new SignedField(v)),
        WireGen.Text.Select(v => (WireField)new TextField(v)),
        WireGen.Bool.Select(v => (WireField)new BoolField(v)));

    [Fact]
    public void WriteString_LongerThanTheReaderAccepts_IsAnInvariantViolation()
    {
        var writer = new WireWriter();
        Assert.Throws<InvariantViolationException>(() => writer.WriteString(new string('x', WireLimits.StringBytesMax + 1)));
        Assert.Throws<InvariantViolationException>(() => writer.WriteNodeId(new NodeId(new string('n', WireLimits.NodeIdBytesMax + 1))));
    }

    [Fact]
    public void WriteString_AtTheBound_ReadsBack()
    {
        var writer = new WireWriter();
        var text = new string('x', WireLimits.StringBytesMax);
        writer.WriteString(text);
        var reader = new WireReader(writer.Written);
        Assert.Equal(text, reader.ReadString());
    }
}
