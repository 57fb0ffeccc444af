using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Simulator.Checking;

namespace RingRift.Simulator.Engine;

/// <summary>
/// The outcome of one simulated run. Everything here is a pure function of (scenario, seed):
/// wall-clock figures are the caller's to measure. <see cref="TraceHash"/> is XxHash64 over the
/// canonical event trace.
/// </summary>
public sealed record RunReport(
    string Scenario,
    ulong Seed,
    Duration SimulatedTime,
    long Events,
    long MessagesSent,
    long MessagesDelivered,
    long MessagesDropped,
    long MemberStateChanges,
    long Crashes,
    long Restarts,
    long JobsLaunched,
    long JobsExited,
    long Elections,
    long LeaderChanges,
    long Epoch,
    int MaxValidLeasesAtOnce,
    ImmutableArray<Violation> Violations,
    ImmutableArray<string> ExpectationFailures,
    ulong TraceHash)
{
    /// <summary>True when the run shows exactly what the scenario expects.</summary>
    public bool Passed => ExpectationFailures.IsEmpty;

    public string TraceHashHex => TraceHash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
