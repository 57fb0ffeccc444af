using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace RingRift.Kernel.Tests.Core;

public sealed class StableHashTests
{
    [Fact]
    public void Of_Empty_IsFnvOffsetBasis()
    {
        Assert.Equal(0xCBF29CE484222325UL, StableHash.Of(""));
    }

    [Fact]
    public void ReferenceFnv1a_OfAsciiA_MatchesPublishedValue()
    {
        Assert.Equal(0xAF63DC4C8601EC8CUL, Fnv1a(Encoding.ASCII.GetBytes("a")));
    }

    [Fact]
    public void Of_KnownLabels_AreGolden()
    {
        Assert.Equal(0x089BE207B544F1E4UL, StableHash.Of("a"));
        Assert.Equal(0x221F16DD931065A3UL, StableHash.Of("network"));
    }

    [Property]
    public bool Of_IsFnv1aOfUtf16LittleEndian(NonNull<string> text) =>
        StableHash.Of(text.Get) == Fnv1a(Encoding.Unicode.GetBytes(text.Get));

    [Fact]
    public void Of_NonAsciiText_HashesBothBytesOfEachCodeUnit()
    {
        Assert.Equal(Fnv1a(Encoding.Unicode.GetBytes("gpu-Ω")), StableHash.Of("gpu-Ω"));
        Assert.NotEqual(StableHash.Of("Ω"), StableHash.Of("©"));
    }

    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = unchecked((hash ^ b) * 1099511628211UL);
        return hash;
    }
}
