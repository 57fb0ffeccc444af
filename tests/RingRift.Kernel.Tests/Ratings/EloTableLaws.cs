using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Ratings;

namespace RingRift.Kernel.Tests.Ratings;

/// <summary>The Elo table is a set: merging is idempotent per match id, and the ratings do not depend on arrival order.</summary>
public sealed class EloTableLaws
{
    private static readonly string[] Models = ["m0", "m1", "m2", "m3", "m4"];

    private static readonly Gen<MatchResult> Match =
        from id in Gen.Choose(0, 60)
        from player in Gen.Choose(0, Models.Length - 1)
        from offset in Gen.Choose(1, Models.Length - 1)
        from wins in Gen.Choose(0, 32)
        from draws in Gen.Choose(0, 4)
        from losses in Gen.Choose(0, 32)
        select new MatchResult($"g-{id:D3}", "hex8_2p", Models[player], Models[(player + offset) % Models.Length], wins, draws, losses + 1);

    private static readonly Arbitrary<(MatchResult[] Results, int[] Order)> Arrivals =
        (from results in Gen.ArrayOf(Match)
         from keys in Gen.ArrayOf(Gen.Choose(0, 1_000_000), results.Length)
         select (results, keys)).ToArbitrary();

    private static EloTable Merged(System.Collections.Generic.IEnumerable<MatchResult> results)
    {
        var table = new EloTable();
        foreach (var match in results) table.Merge(match);
        return table;
    }

    [Property(MaxTest = 300)]
    public Property Ratings_AreIndependentOfArrivalOrder() => Prop.ForAll(Arrivals, arrivals =>
    {
        var inOrder = Merged(arrivals.Results);
        var shuffled = Merged(arrivals.Results.Zip(arrivals.Order).OrderBy(p => p.Second).Select(p => p.First));

        return inOrder.Ratings().SequenceEqual(shuffled.Ratings()) && inOrder.Digest == shuffled.Digest && inOrder.Count == shuffled.Count;
    });

    [Property(MaxTest = 300)]
    public Property Merge_IsIdempotent() => Prop.ForAll(Arrivals, arrivals =>
    {
        var once = Merged(arrivals.Results);
        var twice = Merged(arrivals.Results.Concat(arrivals.Results.Reverse()));

        return once.Ratings().SequenceEqual(twice.Ratings()) && once.Digest == twice.Digest && once.Version == twice.Version
               && arrivals.Results.All(m => !twice.Merge(m));
    });

    [Property(MaxTest = 300)]
    public Property Ratings_SumStaysAtTheStart() => Prop.ForAll(Arrivals, arrivals =>
    {
        var ratings = Merged(arrivals.Results).Ratings();

        return ratings.Sum(r => r.RatingCenti) == (long)EloMath.StartCenti * ratings.Length;
    });
}
