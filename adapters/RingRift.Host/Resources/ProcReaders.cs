using System;
using System.Globalization;
using RingRift.Kernel;

namespace RingRift.Host.Resources;

/// <summary>Parsers of /proc text, pure so they can be tested on fixed input.</summary>
public static class ProcReaders
{
    /// <summary>Memory in use (MemTotal − MemAvailable) as a ratio of MemTotal, from /proc/meminfo; null if the text lacks them.</summary>
    public static Ratio? MemoryUsed(string meminfo)
    {
        long? total = null, available = null;
        foreach (var line in meminfo.Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal)) total = Kilobytes(line);
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)) available = Kilobytes(line);
        }
        if (total is not > 0 || available is not { } free) return null;
        return Ratio.Of(Math.Clamp(total.Value - free, 0, total.Value), total.Value);
    }

    /// <summary>The (busy, total) jiffies of the aggregate "cpu" line of /proc/stat; null if absent.</summary>
    public static (long Busy, long Total)? CpuJiffies(string stat)
    {
        foreach (var line in stat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal)) continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long total = 0, idle = 0;
            for (var i = 1; i < fields.Length; i++)
            {
                if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return null;
                total += value;
                // Fields 4 and 5 are idle and iowait.
                if (i is 4 or 5) idle += value;
            }
            return (total - idle, total);
        }
        return null;
    }

    private static long? Kilobytes(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
    }
}
