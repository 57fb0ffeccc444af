namespace RingRift.Kernel.Scheduling;

/// <summary>The outcome of a gauntlet for a candidate model.</summary>
public enum PromotionVerdict : byte
{
    /// <summary>Fewer games than <see cref="PromotionPolicy.GamesMin"/> finished: no verdict yet (never a pass).</summary>
    Incomplete = 0,
    /// <summary>The candidate met the win-rate threshold: promote it and distribute it.</summary>
    Promote = 1,
    /// <summary>The candidate fell short: archive it.</summary>
    Reject = 2,
}
