using System;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace RingRift.Simulator.Cli.Reporting;

/// <summary>Writes a report file (UTF-8, no BOM) and says on stderr where, how big, and how long it took.</summary>
internal static class ReportFile
{
    public static void Write(FileInfo file, Action<TextWriter> render)
    {
        var clock = Stopwatch.StartNew();
        if (file.Directory is { Exists: false } directory) directory.Create();
        using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false), 1 << 16)) render(writer);
        file.Refresh();
        Console.Error.WriteLine($"report: {file.FullName} ({file.Length:N0} bytes, written in {clock.Elapsed.TotalSeconds:F2} s)");
    }
}
