namespace RingRift.Kernel.Scheduling;

/// <summary>
/// When a trained candidate replaces the current model: after at least <see cref="GamesMin"/>
/// gauntlet games, a score (win = 1, draw = ½) of at least <see cref="WinRateMin"/>. Defaults: the
/// original's promotion threshold of 55 % over its 32-game gauntlet (16 games as each seat).
/// </summary>
/// <remarks>
/// Fixed from the original: its gauntlet passed on zero games, a missing opponent or any error; here
/// too few games is <see cref="PromotionVerdict.Incomplete"/>, which never promotes.
/// </remarks>
public sealed record PromotionPolicy(Ratio WinRateMin, int GamesMin)
{
    public static readonly PromotionPolicy Default = new(Ratio.FromPercent(55), 32);

    /// <summary>The score in basis points: (2·wins + draws) / (2·games), rounded down; zero games is 0.</summary>
    public static Ratio WinRate(int wins, int draws, int losses)
    {
        Invariant.True(wins >= 0 && draws >= 0 && losses >= 0);
        var games = (long)wins + draws + losses;
        return Ratio.Of(2L * wins + draws, 2 * games);
    }

    /// <summary>The verdict for a gauntlet that ended with these counts.</summary>
    public PromotionVerdict Decide(int wins, int draws, int losses)
    {
        var games = (long)wins + draws + losses;
        if (games < GamesMin) return PromotionVerdict.Incomplete;
        return WinRate(wins, draws, losses) >= WinRateMin ? PromotionVerdict.Promote : PromotionVerdict.Reject;
    }
}
