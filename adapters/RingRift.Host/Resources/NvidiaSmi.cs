using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace RingRift.Host.Resources;

/// <summary>
/// nvidia-smi as a source of GPU readings: <see cref="Arguments"/> asks for one CSV line per GPU
/// (name, total and used memory in MiB, utilisation in percent, no header, no units); <see cref="Parse"/>
/// reads that output and skips (and counts) any line it cannot read, such as "[N/A]" fields.
/// </summary>
public static class NvidiaSmi
{
    public static readonly string[] Arguments =
        ["--query-gpu=name,memory.total,memory.used,utilization.gpu", "--format=csv,noheader,nounits"];

    public static GpuReport Parse(string output)
    {
        var gpus = new List<GpuReading>();
        var malformed = 0;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (TryParseLine(line) is { } gpu) gpus.Add(gpu);
            else malformed++;
        }
        return new GpuReport(gpus, malformed);
    }

    private static GpuReading? TryParseLine(string line)
    {
        // The name may itself contain commas, so the three numbers are taken from the right.
        var parts = line.Split(',');
        if (parts.Length < 4) return null;
        var n = parts.Length;
        var name = string.Join(",", parts[..(n - 3)]).Trim();
        if (name.Length == 0 || !Whole(parts[n - 3], out var total) || !Whole(parts[n - 2], out var used) || !Whole(parts[n - 1], out var util))
            return null;
        if (used > total || util > 100) return null;
        return new GpuReading(name, total, used, (int)util);
    }

    private static bool Whole(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>nvidia-smi's full path when it is on PATH; null on machines without it.</summary>
    public static string? Locate(string? path)
    {
        foreach (var dir in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "nvidia-smi");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private const int TextFileBusyErrno = 26;

    /// <summary>
    /// Runs it once: its output, or null when it failed or exited non-zero; TimedOut when it did not answer
    /// within <paramref name="timeout"/>. A start refused because the program file is busy (being replaced,
    /// or still open in a process forked elsewhere) is tried once more.
    /// </summary>
    public static async Task<(string? Output, bool TimedOut)> RunAsync(string program, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(program, timeout).ConfigureAwait(false);
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == TextFileBusyErrno && attempt == 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return (null, false);
            }
        }
    }

    /// <summary>One run; a failed start surfaces as the exception so the caller may retry it.</summary>
    private static async Task<(string? Output, bool TimedOut)> RunOnceAsync(string program, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Arguments) info.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (InvalidOperationException)
        {
            return (null, false);
        }
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
            return (process.ExitCode == 0 ? await output.ConfigureAwait(false) : null, false);
        }
        catch (TimeoutException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Never started, or already gone.
            }
            return (null, true);
        }
    }
}
