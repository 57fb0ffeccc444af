namespace RingRift.Kernel.Monitoring;

/// <summary>
/// The predictive rule for a level with a ceiling (disk used, memory used, pending jobs). Raise when the
/// newest sample is at the ceiling, or the fitted trend reaches it within the horizon — before it is
/// crossed — and the window rises in both its halves (a trend, not a one-off step). Clear (hysteresis) only when the newest sample is below the clear level and the trend no
/// longer reaches the ceiling within twice the horizon. A window that is not yet full decides nothing
/// new: a few early samples are not a trend.
/// </summary>
public static class LevelPredictor
{
    public static bool ShouldBeActive(SampleWindow window, long max, long clear, Duration horizon, bool active, out Duration? eta)
    {
        Invariant.True(clear < max);
        eta = null;
        if (window.Count == 0) return active;
        var latest = window.Latest;
        if (window.Count < window.Capacity) return active ? latest >= clear : latest >= max;
        var fit = TrendFit.Of(window);
        eta = latest >= max ? Duration.Zero : fit?.TimeToReach(max);
        if (!active) return latest >= max || (eta is { } soon && soon <= horizon && RisesInBothHalves(window));
        var stillClose = eta is { } reach && reach <= horizon * 2;
        return latest >= clear || stillClose;
    }

    /// <summary>
    /// A trend, not a step: the middle sample is above the oldest and the newest above the middle. A queue
    /// burst (one jump, then draining) fits a steep line but never rises in both halves of the window.
    /// </summary>
    private static bool RisesInBothHalves(SampleWindow window)
    {
        var middle = window.ValueAt(window.Count / 2);
        return window.ValueAt(0) < middle && middle < window.Latest;
    }
}
