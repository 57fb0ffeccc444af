using System;

namespace RingRift.Scenarios.Tests.Support;

/// <summary>What a ringrift-sim process printed and how it exited.</summary>
public sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string LastLine => Lines.Length == 0 ? "" : Lines[^1];

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
