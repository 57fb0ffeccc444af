using System.Globalization;

namespace RingRift.Simulator.Cli;

/// <summary>An inclusive range of seeds written "A..B".</summary>
internal readonly record struct SeedRange(ulong First, ulong Last)
{
    public ulong Count => Last - First + 1;

    public static bool TryParse(string text, out SeedRange range, out string error)
    {
        range = default;
        var parts = text.Split("..");
        if (parts.Length != 2 ||
            !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first) ||
            !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            error = $"--seeds must look like A..B with non-negative integers (got '{text}')";
            return false;
        }
        if (last < first || last - first >= 10_000_000)
        {
            error = $"--seeds {text}: the range must be ascending and hold at most 10,000,000 seeds";
            return false;
        }
        range = new SeedRange(first, last);
        error = "";
        return true;
    }
}
