using RingRift.Kernel.Monitoring;
using RingRift.Kernel.Tests.Support;
using Xunit;

namespace RingRift.Kernel.Tests.Monitoring;

public sealed class TrendFitTests
{
    [Fact]
    public void Of_ExactLine_FitsSlopeAndLatest()
    {
        // 100 basis points a minute from 5000: the newest sample (t = 540 s) is 5900.
        var window = Window(10, i => 5_000 + 100 * i);

        var fit = TrendFit.Of(window)!.Value;

        Assert.Equal(5_900, fit.FittedLatest);
        Assert.Equal(100 * fit.SlopeDenominator, fit.SlopeNumerator * 60);
    }

    [Fact]
    public void TimeToReach_RisingLine_IsTheRemainingDistanceOverTheSlope()
    {
        var window = Window(10, i => 5_000 + 100 * i);

        // From 5900 to 9500 at 100 per minute: 36 minutes.
        Assert.Equal(Duration.FromMinutes(36), TrendFit.Of(window)!.Value.TimeToReach(9_500));
    }

    [Fact]
    public void TimeToReach_FlatOrFalling_IsNull()
    {
        Assert.Null(TrendFit.Of(Window(10, _ => 5_000))!.Value.TimeToReach(9_500));
        Assert.Null(TrendFit.Of(Window(10, i => 5_000 - 10 * i))!.Value.TimeToReach(9_500));
    }

    [Fact]
    public void TimeToReach_AlreadyThere_IsZero() =>
        Assert.Equal(Duration.Zero, TrendFit.Of(Window(10, _ => 9_600))!.Value.TimeToReach(9_500));

    [Fact]
    public void Of_OneSample_IsNull() => Assert.Null(TrendFit.Of(Window(1, _ => 1)));

    [Fact]
    public void SampleWindow_PastCapacity_KeepsTheNewestInOrder()
    {
        var window = Window(5, i => i, capacity: 3);

        Assert.Equal(3, window.Count);
        Assert.Equal(new long[] { 2, 3, 4 }, new[] { window.ValueAt(0), window.ValueAt(1), window.ValueAt(2) });
        Assert.Equal(Time.At(240), window.TimeAt(2));
    }

    internal static SampleWindow Window(int samples, System.Func<int, long> value, int capacity = 10)
    {
        var window = new SampleWindow(capacity);
        for (var i = 0; i < samples; i++) window.Add(Time.At(60 * i), value(i));
        return window;
    }
}
