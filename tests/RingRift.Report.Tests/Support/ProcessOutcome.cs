using System;

namespace RingRift.Report.Tests.Support;

/// <summary>What a child process printed and how it exited.</summary>
public sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
