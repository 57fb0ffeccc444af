using System;
using System.IO;

namespace RingRift.Report.Tests.Support;

/// <summary>Runs ringrift-sim in its own process, from the repository root, as a user would.</summary>
public static class Sim
{
    public static ProcessOutcome Run(params string[] arguments) =>
        ChildProcess.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "ringrift-sim.dll"), .. arguments], TimeSpan.FromMinutes(5));

    /// <summary>The last stdout line, `trace-hash=…`.</summary>
    public static string TraceHash(ProcessOutcome outcome) => outcome.Lines.Length == 0 ? "" : outcome.Lines[^1];
}
