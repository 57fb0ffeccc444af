using System;

namespace RingRift.Simulator.Engine;

/// <summary>How to run one scenario: its seed, and an optional sink for the canonical trace lines.</summary>
public sealed record RunOptions(ulong Seed, Action<string>? TraceLine = null);
