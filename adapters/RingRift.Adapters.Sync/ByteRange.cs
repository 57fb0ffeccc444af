using System;
using System.Globalization;

namespace RingRift.Adapters.Sync;

/// <summary>
/// One <c>Range: bytes=first-last</c> (or <c>first-</c>) of a file, parsed: absent means the whole
/// file; several ranges, suffix ranges and malformed text are refused; a start past the end is
/// unsatisfiable.
/// </summary>
internal readonly record struct ByteRange(long Start, long Length, bool IsPartial, string Problem, bool Unsatisfiable)
{
    public bool IsValid => Problem.Length == 0;

    public long Last => Start + Length - 1;

    public static ByteRange Parse(string? header, long fileBytes)
    {
        if (string.IsNullOrEmpty(header)) return new(0, fileBytes, false, "", false);
        const string unit = "bytes=";
        if (!header.StartsWith(unit, StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
            return Refuse("'Range' must be one range: bytes=first-last or bytes=first-");
        var spec = header[unit.Length..];
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !long.TryParse(spec.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            return Refuse("'Range' must start with the first byte's offset");
        var last = fileBytes - 1;
        if (dash < spec.Length - 1 && !long.TryParse(spec.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out last))
            return Refuse("'Range' has a malformed last byte");
        if (last < first) return Refuse("'Range' ends before it starts");
        if (first >= fileBytes) return new(0, 0, true, $"the file has {fileBytes} bytes", true);
        last = Math.Min(last, fileBytes - 1);
        return new(first, last - first + 1, true, "", false);
    }

    private static ByteRange Refuse(string problem) => new(0, 0, false, problem, false);
}
