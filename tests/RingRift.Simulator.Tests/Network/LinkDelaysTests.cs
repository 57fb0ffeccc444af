using RingRift.Kernel;
using RingRift.Simulator.Network;
using Xunit;

namespace RingRift.Simulator.Tests.Network;

public sealed class LinkDelaysTests
{
    private static readonly long Hour = Duration.FromHours(1).Micros;

    [Fact]
    public void ExtraMicros_NoVerb_IsZeroForEveryNode()
    {
        var delays = new LinkDelays(2);

        Assert.Equal(0, delays.ExtraMicros(5 * Hour, 0));
        Assert.False(delays.Growing(1));
    }

    [Fact]
    public void Set_GrowingThenRestored_GrowsLinearlyFromTheCurrentLevelThenDrops()
    {
        var delays = new LinkDelays(2);

        delays.Set(Hour, 1, Duration.FromSeconds(60), level: null);
        Assert.Equal(Duration.FromSeconds(30).Micros, delays.ExtraMicros(Hour + Hour / 2, 1));
        Assert.Equal(0, delays.ExtraMicros(Hour + Hour / 2, 0));
        delays.Set(2 * Hour, 1, Duration.FromSeconds(120), level: null);
        Assert.Equal(Duration.FromSeconds(90).Micros, delays.ExtraMicros(2 * Hour + Hour / 4, 1));
        delays.Set(3 * Hour, 1, Duration.Zero, Duration.Zero);

        Assert.Equal(0, delays.ExtraMicros(4 * Hour, 1));
        Assert.False(delays.Growing(1));
    }
}
