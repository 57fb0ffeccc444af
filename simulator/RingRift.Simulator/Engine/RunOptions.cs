using System;

namespace RingRift.Simulator.Engine;

/// <summary>How to run one scenario: its seed, and an optional sink for the canonical trace lines.</summary>
public sealed record RunOptions(ulong Seed, Action<string>? TraceLine = null)
{
    /// <summary>Record the <see cref="Reporting.RunTimeline"/> for a report (off by default: it costs memory and time).</summary>
    public bool RecordTimeline { get; init; }
}
