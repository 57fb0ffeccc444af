using System;
using System.Diagnostics;
using RingRift.Kernel;

namespace RingRift.Host.Driver;

/// <summary>
/// The host's monotonic clock (Stopwatch, i.e. CLOCK_MONOTONIC), as kernel <see cref="Instant"/>s in
/// microseconds since the host started. Never steps with wall-clock changes; only the host reads it.
/// </summary>
public sealed class MonotonicClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    public Instant Now => new(Stopwatch.GetElapsedTime(_origin).Ticks / TimeSpan.TicksPerMicrosecond);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_origin);
}
