using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace RingRift.Adapters.Udp;

/// <summary>Datagrams received, sent and dropped (by reason), for /metrics. Thread-safe.</summary>
public sealed class UdpCounters
{
    private readonly ConcurrentDictionary<string, long> _dropped = new();
    private long _received;
    private long _sent;

    public long Received => Interlocked.Read(ref _received);
    public long Sent => Interlocked.Read(ref _sent);

    public long Dropped(string reason) => _dropped.TryGetValue(reason, out var count) ? count : 0;
    public long DroppedTotal => _dropped.Values.Sum();

    public void OnReceived() => Interlocked.Increment(ref _received);
    public void OnSent() => Interlocked.Increment(ref _sent);
    public void OnDropped(string reason) => _dropped.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    public void Write(StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_udp_received_total counter\n").Append(inv, $"ringrift_udp_received_total {Received}\n")
            .Append("# TYPE ringrift_udp_sent_total counter\n").Append(inv, $"ringrift_udp_sent_total {Sent}\n")
            .Append("# TYPE ringrift_udp_dropped_total counter\n");
        foreach (var (reason, count) in _dropped.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            text.Append(inv, $"ringrift_udp_dropped_total{{reason=\"{reason}\"}} {count}\n");
    }
}
