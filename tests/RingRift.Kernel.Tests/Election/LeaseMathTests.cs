using RingRift.Kernel.Election;
using Xunit;

namespace RingRift.Kernel.Tests.Election;

public sealed class LeaseMathTests
{
    [Fact]
    public void LeaderSide_TwentySecondsAt200Ppm_ShortensBy7999Microseconds()
    {
        // 20 s × (1 − 0.0002) / (1 + 0.0002) = 19.992001599… s, rounded down.
        Assert.Equal(Duration.FromMicros(19_992_001), LeaseMath.LeaderSide(Duration.FromSeconds(20), 200));
    }

    [Fact]
    public void LeaderSide_NoDrift_IsTheGrant() =>
        Assert.Equal(Duration.FromSeconds(20), LeaseMath.LeaderSide(Duration.FromSeconds(20), 0));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    public void Quorum_IsAStrictMajority(int voters, int quorum) => Assert.Equal(quorum, LeaseMath.Quorum(voters));
}
