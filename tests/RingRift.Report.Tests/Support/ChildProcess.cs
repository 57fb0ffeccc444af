using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace RingRift.Report.Tests.Support;

/// <summary>Runs a program from the repository root and collects its output, killing it if it overruns.</summary>
public static class ChildProcess
{
    public static ProcessOutcome Run(string program, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(program + " " + string.Join(' ', arguments) + " did not finish within " + limit);
        }
        return new ProcessOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
