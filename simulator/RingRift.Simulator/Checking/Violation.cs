using RingRift.Kernel;

namespace RingRift.Simulator.Checking;

/// <summary>A checker found the cluster in a state it must never be in (or not in one it must reach).</summary>
public sealed record Violation(string Checker, Duration At, string Message)
{
    public override string ToString() => $"[{Checker}] at {At}: {Message}";
}
