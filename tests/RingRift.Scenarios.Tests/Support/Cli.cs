using System;
using System.Diagnostics;
using System.IO;

namespace RingRift.Scenarios.Tests.Support;

/// <summary>Runs ringrift-sim in a separate process, from the repository root, as a user would.</summary>
public static class Cli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static CliOutcome Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ringrift-sim.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ringrift-sim " + string.Join(' ', arguments) + " did not finish");
        }
        return new CliOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
