using System.Globalization;
using System.Threading;

namespace RingRift.Adapters.Process;

/// <summary>
/// The last non-empty line a job printed on stdout, kept as its one-number result (and, for a running
/// selfplay job, its games so far); remembers whether any line was such a number.
/// </summary>
internal sealed class LastLine
{
    private const int LengthMax = 64;
    private string _line = "";
    private int _counted;

    public void Set(string? line)
    {
        if (line is null) return;
        var trimmed = line.Trim();
        if (trimmed.Length is 0 or > LengthMax) return;
        Volatile.Write(ref _line, trimmed);
        if (Parse(trimmed) is not null) Volatile.Write(ref _counted, 1);
    }

    /// <summary>The line as a non-negative whole number; 0 when it is not one.</summary>
    public long AsCount() => Parse(Volatile.Read(ref _line)) ?? 0;

    /// <summary>True once some line was a whole number: the job reports counts.</summary>
    public bool Counted => Volatile.Read(ref _counted) == 1;

    private static long? Parse(string line) =>
        long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
