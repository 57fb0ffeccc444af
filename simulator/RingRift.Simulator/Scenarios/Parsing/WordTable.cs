using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The fixed words a key accepts (e.g. <c>fail_stop | hang</c>) and the value each stands for.</summary>
internal sealed class WordTable<T>
{
    private readonly ImmutableArray<(string Word, T Value)> _entries;

    public WordTable(params (string Word, T Value)[] entries) => _entries = [.. entries];

    public IEnumerable<string> Words
    {
        get
        {
            foreach (var entry in _entries) yield return entry.Word;
        }
    }

    /// <summary>The words in declaration order, separated by " | ", for error messages.</summary>
    public string Listing => string.Join(" | ", Words);

    public bool TryGet(string word, out T value)
    {
        foreach (var entry in _entries)
        {
            if (entry.Word == word)
            {
                value = entry.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }
}
