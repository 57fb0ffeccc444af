namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Selfplay that silently stopped: the newest sample shows selfplay running, every sample of the last
/// stall bound showed it running, and the game counter did not move over that span. Clears as soon as
/// the counter moves again or no selfplay runs. Two windows fed together: games written (cumulative)
/// and selfplay jobs running.
/// </summary>
public static class StallPredictor
{
    public static bool IsStalled(SampleWindow games, SampleWindow selfplay, Duration stallAfter)
    {
        Invariant.True(games.Count == selfplay.Count);
        var n = games.Count;
        if (n < 2 || selfplay.Latest == 0) return false;
        var newest = games.TimeAt(n - 1);
        for (var i = n - 2; i >= 0; i--)
        {
            if (selfplay.ValueAt(i) == 0 || games.ValueAt(i) != games.Latest) return false;
            if (newest - games.TimeAt(i) >= stallAfter) return true;
        }
        return false;
    }
}
