using System;
using System.Collections.Generic;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>Suggests the name a typo probably meant, so that error messages can say so.</summary>
internal static class Spelling
{
    /// <summary>" (did you mean 'x'?)" for the closest candidate within a small edit distance, else "".</summary>
    public static string Hint(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(written, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                (best, bestDistance) = (candidate, distance);
        }
        // Two edits catch a swapped or dropped letter without suggesting unrelated short names.
        var tolerance = Math.Min(2, Math.Max(1, written.Length / 3));
        return best is not null && bestDistance <= tolerance ? $" (did you mean '{best}'?)" : "";
    }

    /// <summary>Levenshtein distance, counting a swap of two neighbours as one edit.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
