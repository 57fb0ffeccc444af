namespace RingRift.Kernel.Ratings;

/// <summary>
/// Integer Elo arithmetic. Ratings are in centi-Elo (1200.00 = 120,000). The expected score of a rating
/// difference d is 1 / (1 + 10^(-d/400)), read from a table every 50 Elo (rounded to basis points) and
/// interpolated linearly; beyond ±800 it is held at the table's end. An update moves both sides by
/// K · (score − expected) over the series' games, rounded toward zero, so the two changes cancel exactly.
/// </summary>
public static class EloMath
{
    public const int StartCenti = 120_000;
    public const int K = 32;
    private const int StepCenti = 5_000;

    /// <summary>Expected score in basis points at 0, 50, 100 … 800 Elo of advantage.</summary>
    private static readonly int[] ExpectedBp =
        [5000, 5715, 6401, 7035, 7597, 8083, 8490, 8823, 9091, 9302, 9468, 9596, 9693, 9768, 9825, 9868, 9901];

    /// <summary>The expected score per game, in basis points, of a side <paramref name="diffCenti"/> centi-Elo above its opponent.</summary>
    public static int ExpectedScoreBp(long diffCenti)
    {
        if (diffCenti < 0) return Ratio.BasisPointsPerOne - ExpectedScoreBp(-diffCenti);
        var max = (long)StepCenti * (ExpectedBp.Length - 1);
        if (diffCenti >= max) return ExpectedBp[^1];
        var i = (int)(diffCenti / StepCenti);
        var within = diffCenti % StepCenti;
        return (int)(ExpectedBp[i] + (ExpectedBp[i + 1] - ExpectedBp[i]) * within / StepCenti);
    }

    /// <summary>The player's rating change in centi-Elo for the series; the opponent's is its negation.</summary>
    public static long DeltaCenti(long playerCenti, long opponentCenti, MatchResult match)
    {
        var expected = (long)ExpectedScoreBp(playerCenti - opponentCenti) * match.Games;
        var scored = (long)match.Wins * Ratio.BasisPointsPerOne + (long)match.Draws * (Ratio.BasisPointsPerOne / 2);
        // K centi-Elo per basis point of score: K · 100 · (bp / 10,000) = K · bp / 100.
        return K * (scored - expected) / 100;
    }
}
