using System.Globalization;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// The scenario language's ratios, read exactly into basis points (1 bp = 0.01%): a percentage
/// with up to two significant decimals (<c>0.1%</c> = 10 bp, <c>12.5%</c> = 1250 bp, <c>300%</c>)
/// or a plain fraction with up to four (<c>0.001</c> = 10 bp, <c>1</c> = 10,000 bp). Nothing is
/// rounded: a value finer than one basis point (<c>0.005%</c>, <c>0.00001</c>) is rejected, while
/// trailing zeros are fine (<c>0.100%</c>). No sign, exponent or spaces.
/// </summary>
public static class RatioText
{
    /// <summary>The rule in one line, appended to every complaint.</summary>
    public const string Rule = "write a percentage such as 0.1% or 12.5%, or a fraction such as 0.001, in steps of 0.01%";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string text, out Ratio value, out string problem)
    {
        value = Ratio.Zero;
        var reason = BasisPoints(text, out var basisPoints);
        if (reason is not null)
        {
            problem = $"bad ratio '{text}': {reason} ({Rule})";
            return false;
        }
        value = new Ratio(basisPoints);
        problem = "";
        return true;
    }

    private static string? BasisPoints(string text, out int basisPoints)
    {
        basisPoints = 0;
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        var decimals = percent ? 2 : 4;
        var scale = percent ? 100L : 10_000L;
        var dot = number.IndexOf('.');
        var whole = dot < 0 ? number : number[..dot];
        var fraction = dot < 0 ? "" : number[(dot + 1)..];
        if (whole.Length == 0 || !IsDigits(whole) || (dot >= 0 && (fraction.Length == 0 || !IsDigits(fraction))))
            return "not a number";
        if (fraction.Length > decimals && fraction[decimals..].TrimEnd('0').Length > 0)
            return "finer than one basis point (0.01%)";
        var significant = fraction.Length > decimals ? fraction[..decimals] : fraction.PadRight(decimals, '0');
        if (whole.TrimStart('0').Length > 6) return "too large";
        var total = Digits(whole) * scale + Digits(significant);
        if (total > int.MaxValue) return "too large";
        basisPoints = (int)total;
        return null;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static long Digits(string digits) => long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
