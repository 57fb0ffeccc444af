using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Ratings;

/// <summary>
/// The cluster's rating table: a set of <see cref="MatchResult"/>s keyed by match id, and the ratings
/// derived from it. Merging is idempotent per id (a series already held is ignored; of two different series
/// under one id the smaller is kept, so every node keeps the same one), and the ratings are a pure function
/// of the set: recomputed from the results in id order, starting every model at 1200. Hence two tables
/// holding the same results agree on every rating, whatever order the results arrived in. At most
/// <see cref="MatchesMax"/> results are kept: the ones with the greatest ids. Single-threaded.
/// </summary>
public sealed class EloTable
{
    public const int MatchesMax = 4096;
    private readonly SortedDictionary<string, MatchResult> _matches = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _ratings = new(System.StringComparer.Ordinal);
    private bool _stale;
    private ulong _digest;

    public int Count => _matches.Count;

    public bool Contains(string id) => _matches.ContainsKey(id);

    /// <summary>Order-independent fingerprint of the held results: the XOR of each result's hash.</summary>
    public ulong Digest => _digest;

    /// <summary>Bumped by every merge that changed the set.</summary>
    public long Version { get; private set; }

    /// <summary>Adds the result unless it is held already; true when the set changed.</summary>
    public bool Merge(MatchResult match)
    {
        Invariant.True(match.IsValid);
        if (_matches.TryGetValue(match.Id, out var held))
        {
            if (match.CompareTo(held) >= 0) return false;
            Remove(held);
        }
        else if (_matches.Count >= MatchesMax)
        {
            var oldest = First();
            if (string.CompareOrdinal(match.Id, oldest.Id) < 0) return false;
            Remove(oldest);
        }
        _matches.Add(match.Id, match);
        _digest ^= HashOf(match);
        _stale = true;
        Version++;
        return true;
    }

    /// <summary>The rating of <paramref name="model"/> in centi-Elo; 1200.00 for a model in no result.</summary>
    public long RatingCenti(string model)
    {
        Recompute();
        return _ratings.TryGetValue(model, out var rating) ? rating : EloMath.StartCenti;
    }

    /// <summary>Every rated model and its rating in centi-Elo, in model-name order.</summary>
    public ImmutableArray<(string Model, long RatingCenti)> Ratings()
    {
        Recompute();
        var rows = ImmutableArray.CreateBuilder<(string, long)>(_ratings.Count);
        foreach (var (model, rating) in _ratings) rows.Add((model, rating));
        return rows.MoveToImmutable();
    }

    /// <summary>Up to <paramref name="max"/> results with ids after <paramref name="afterId"/> (all from the start when null), in id order.</summary>
    public ImmutableArray<MatchResult> Page(string? afterId, int max)
    {
        var page = ImmutableArray.CreateBuilder<MatchResult>();
        foreach (var (id, match) in _matches)
        {
            if (page.Count >= max) break;
            if (afterId is null || string.CompareOrdinal(id, afterId) > 0) page.Add(match);
        }
        return page.ToImmutable();
    }

    private MatchResult First()
    {
        foreach (var match in _matches.Values) return match;
        throw new InvariantViolationException("the table is empty");
    }

    private void Remove(MatchResult match)
    {
        _matches.Remove(match.Id);
        _digest ^= HashOf(match);
    }

    private void Recompute()
    {
        if (!_stale) return;
        _stale = false;
        _ratings.Clear();
        foreach (var match in _matches.Values)
        {
            var player = _ratings.TryGetValue(match.Player, out var p) ? p : EloMath.StartCenti;
            var opponent = _ratings.TryGetValue(match.Opponent, out var o) ? o : EloMath.StartCenti;
            var delta = EloMath.DeltaCenti(player, opponent, match);
            _ratings[match.Player] = player + delta;
            _ratings[match.Opponent] = opponent - delta;
        }
    }

    private static ulong HashOf(MatchResult m) =>
        StableHash.Of($"{m.Id}\u0001{m.Config}\u0001{m.Player}\u0001{m.Opponent}\u0001{m.Wins}\u0001{m.Draws}\u0001{m.Losses}");
}
