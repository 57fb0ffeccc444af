using System;
using RingRift.Adapters.Security;
using RingRift.Host.Tests.Support;
using Xunit;

namespace RingRift.Host.Tests;

public sealed class SecurityTests
{
    private static readonly MessageAuthenticator Auth = Signing.Authenticator;
    private static readonly byte[] Nonce = new byte[MessageAuthenticator.NonceBytes];
    private static readonly byte[] Body = [1, 2, 3];

    [Fact]
    public void Verify_UnchangedMessage_Passes()
    {
        var mac = Auth.Sign("a", "POST /x", 1000, Nonce, Body);

        Assert.True(Auth.Verify("a", "POST /x", 1000, Nonce, Body, mac));
    }

    [Theory]
    [InlineData("b", "POST /x", 1000, new byte[] { 1, 2, 3 })]
    [InlineData("a", "POST /y", 1000, new byte[] { 1, 2, 3 })]
    [InlineData("a", "POST /x", 1001, new byte[] { 1, 2, 3 })]
    [InlineData("a", "POST /x", 1000, new byte[] { 1, 2, 4 })]
    public void Verify_AnyFieldChanged_Fails(string sender, string context, long timestamp, byte[] body)
    {
        var mac = Auth.Sign("a", "POST /x", 1000, Nonce, Body);

        Assert.False(Auth.Verify(sender, context, timestamp, Nonce, body, mac));
    }

    [Fact]
    public void Verify_OtherSecret_Fails()
    {
        var other = new MessageAuthenticator(new ClusterSecret("another-secret-0123456789abcdef"));
        var mac = other.Sign("a", "POST /x", 1000, Nonce, Body);

        Assert.False(Auth.Verify("a", "POST /x", 1000, Nonce, Body, mac));
    }

    [Fact]
    public void ReplayGuard_SameNonceTwice_RefusesTheSecond()
    {
        var guard = new ReplayGuard(TimeSpan.FromSeconds(30), 100, () => 10_000);

        Assert.Equal(ReplayVerdict.Fresh, guard.Check("a", 10_000, Nonce));
        Assert.Equal(ReplayVerdict.Replayed, guard.Check("a", 10_000, Nonce));
        Assert.Equal(ReplayVerdict.Fresh, guard.Check("b", 10_000, Nonce));
    }

    [Fact]
    public void ReplayGuard_TimestampOutsideWindow_Refused()
    {
        var guard = new ReplayGuard(TimeSpan.FromSeconds(30), 100, () => 100_000);

        Assert.Equal(ReplayVerdict.OutsideWindow, guard.Check("a", 69_999, Nonce));
        Assert.Equal(ReplayVerdict.OutsideWindow, guard.Check("a", 130_001, Nonce));
    }

    [Fact]
    public void ReplayGuard_Full_RefusesUntilNoncesExpire()
    {
        long now = 0;
        var guard = new ReplayGuard(TimeSpan.FromSeconds(1), 2, () => now);

        Assert.Equal(ReplayVerdict.Fresh, guard.Check("a", 0, [1]));
        Assert.Equal(ReplayVerdict.Fresh, guard.Check("a", 0, [2]));
        Assert.Equal(ReplayVerdict.GuardFull, guard.Check("a", 0, [3]));
        now = 2_000;
        Assert.Equal(ReplayVerdict.Fresh, guard.Check("a", 2_000, [3]));
        Assert.Equal(1, guard.Count);
    }

    [Fact]
    public void ClusterSecret_TooShort_Refused()
    {
        Assert.Throws<ArgumentException>(() => new ClusterSecret("short"));
    }
}
