using System;
using System.Globalization;
using RingRift.Kernel;

namespace RingRift.Host.Config;

/// <summary>Durations as written in config: a sequence of number+unit parts (h, m, s, ms), e.g. "90s", "1m30s", "500ms"; a bare number is seconds.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out Duration value)
    {
        value = Duration.Zero;
        text = text.Trim();
        if (text.Length == 0) return false;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            value = Duration.FromSeconds(seconds);
            return seconds <= 1_000_000_000;
        }
        long micros = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start || i - start > 9) return false;
            var number = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            long? scale = text[unitStart..i] switch
            {
                "h" => 3_600_000_000L,
                "m" => 60_000_000L,
                "s" => 1_000_000L,
                "ms" => 1_000L,
                _ => null,
            };
            if (scale is not { } unit) return false;
            micros += number * unit;
        }
        value = Duration.FromMicros(micros);
        return true;
    }
}
