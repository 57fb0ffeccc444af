namespace RingRift.Simulator.Cli;

/// <summary>The process exit codes of ringrift-sim, part of its contract with CI and scripts.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int Violation = 1;
    public const int BadInput = 2;
}
