using System.Globalization;
using System.Threading;

namespace RingRift.Adapters.Process;

/// <summary>The last non-empty line a job printed on stdout, kept as its one-number result.</summary>
internal sealed class LastLine
{
    private const int LengthMax = 64;
    private string _line = "";

    public void Set(string? line)
    {
        if (line is null) return;
        var trimmed = line.Trim();
        if (trimmed.Length is > 0 and <= LengthMax) Volatile.Write(ref _line, trimmed);
    }

    /// <summary>The line as a non-negative whole number; 0 when it is not one.</summary>
    public long AsCount() =>
        long.TryParse(Volatile.Read(ref _line), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
