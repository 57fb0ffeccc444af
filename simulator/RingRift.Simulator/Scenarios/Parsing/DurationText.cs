using System;
using System.Globalization;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The scenario language's durations: whole numbers with units, largest unit first, each unit at
/// most once, no spaces: <c>2d</c>, <c>1h30m</c>, <c>90s</c>, <c>500ms</c>, <c>250us</c>,
/// <c>1m30s500ms</c>. Units are d (24 h), h, m, s, ms, us. There are no fractions, so nothing is
/// ever rounded: <c>1.5s</c> is written <c>1500ms</c>. A leading '-' is read only where a caller
/// allows negative durations.
/// </summary>
public static class DurationText
{
    private static readonly string[] Units = ["d", "h", "m", "s", "ms", "us"];
    private static readonly long[] UnitMicros = [86_400_000_000, 3_600_000_000, 60_000_000, 1_000_000, 1_000, 1];

    /// <summary>The rule in one line, appended to every complaint.</summary>
    public const string Rule = "write whole numbers with units d, h, m, s, ms, us, largest first, e.g. 1h30m, 90s, 500ms";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string text, bool allowNegative, out Duration value, out string problem)
    {
        value = Duration.Zero;
        var negative = allowNegative && text.StartsWith('-');
        var reason = Accumulate(negative ? text[1..] : text, out var micros);
        if (reason is not null)
        {
            problem = $"bad duration '{text}': {reason} ({Rule})";
            return false;
        }
        value = Duration.FromMicros(negative ? -micros : micros);
        problem = "";
        return true;
    }

    private static string? Accumulate(string text, out long micros)
    {
        micros = 0;
        if (text.Length == 0) return "it is empty";
        var position = 0;
        var previousUnit = -1;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position])) position++;
            if (position == digitsStart) return $"expected a number at '{text[position..]}'";
            var digits = text[digitsStart..position];
            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position])) position++;
            var unit = Array.IndexOf(Units, text[unitStart..position]);
            if (position == unitStart) return MissingUnit(text, position, digits);
            if (unit < 0) return $"unknown unit '{text[unitStart..position]}'";
            if (unit <= previousUnit) return "units must go from largest to smallest, each at most once";
            previousUnit = unit;
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || !TryAdd(ref micros, count, UnitMicros[unit]))
                return "it is too large";
        }
        return null;
    }

    private static string MissingUnit(string text, int position, string digits) =>
        position == text.Length ? $"'{digits}' has no unit"
        : text[position] == '.' ? "fractions are not allowed; use a smaller unit (1500ms, not 1.5s)"
        : $"unexpected '{text[position]}'";

    private static bool TryAdd(ref long micros, long count, long unitMicros)
    {
        if (count > (long.MaxValue - micros) / unitMicros) return false;
        micros += count * unitMicros;
        return true;
    }
}
