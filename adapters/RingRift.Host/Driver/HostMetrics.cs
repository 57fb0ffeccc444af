using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace RingRift.Host.Driver;

/// <summary>Counters of the driver loop for /metrics and /status. Written by the loop, read by any thread.</summary>
public sealed class HostMetrics
{
    private readonly ConcurrentDictionary<string, long> _notices = new();
    private readonly ConcurrentDictionary<string, long> _effects = new();
    private long _steps;
    private long _stepMicrosMax;
    private long _stepMicrosTotal;
    private long _inboxDropped;

    public long Steps => Interlocked.Read(ref _steps);
    public long StepMicrosMax => Interlocked.Read(ref _stepMicrosMax);
    public long InboxDropped => Interlocked.Read(ref _inboxDropped);

    public long Notices(string name) => _notices.TryGetValue(name, out var count) ? count : 0;

    public void OnStep(long micros)
    {
        Interlocked.Increment(ref _steps);
        Interlocked.Add(ref _stepMicrosTotal, micros);
        if (micros > Interlocked.Read(ref _stepMicrosMax)) Interlocked.Exchange(ref _stepMicrosMax, micros);
    }

    public void OnInboxDropped() => Interlocked.Increment(ref _inboxDropped);
    public void OnNotice(string name) => _notices.AddOrUpdate(name, 1, static (_, n) => n + 1);
    public void OnEffect(string name) => _effects.AddOrUpdate(name, 1, static (_, n) => n + 1);

    public void Write(StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_loop_steps_total counter\n").Append(inv, $"ringrift_loop_steps_total {Steps}\n")
            .Append("# TYPE ringrift_loop_step_seconds_total counter\n")
            .Append(inv, $"ringrift_loop_step_seconds_total {Interlocked.Read(ref _stepMicrosTotal) / 1e6}\n")
            .Append("# TYPE ringrift_loop_step_seconds_max gauge\n").Append(inv, $"ringrift_loop_step_seconds_max {StepMicrosMax / 1e6}\n")
            .Append("# TYPE ringrift_loop_inbox_dropped_total counter\n").Append(inv, $"ringrift_loop_inbox_dropped_total {InboxDropped}\n");
        WriteLabelled(text, "ringrift_notices_total", "name", _notices);
        WriteLabelled(text, "ringrift_effects_total", "kind", _effects);
    }

    private static void WriteLabelled(StringBuilder text, string metric, string label, ConcurrentDictionary<string, long> values)
    {
        text.Append("# TYPE ").Append(metric).Append(" counter\n");
        foreach (var (key, count) in values.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{metric}{{{label}=\"{key}\"}} {count}\n");
    }
}
