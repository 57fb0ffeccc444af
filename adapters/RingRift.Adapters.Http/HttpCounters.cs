using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;

namespace RingRift.Adapters.Http;

/// <summary>Counters of the HTTP adapter, for /metrics. Thread-safe.</summary>
public sealed class HttpCounters
{
    private readonly ConcurrentDictionary<string, long> _rejected = new();
    private long _messagesAccepted;
    private long _messagesSent;
    private long _sendFailures;
    private long _sendDropped;

    public long MessagesAccepted => Interlocked.Read(ref _messagesAccepted);
    public long MessagesSent => Interlocked.Read(ref _messagesSent);
    public long SendFailures => Interlocked.Read(ref _sendFailures);
    public long SendDropped => Interlocked.Read(ref _sendDropped);

    public long Rejected(string reason) => _rejected.TryGetValue(reason, out var count) ? count : 0;

    public long RejectedTotal => _rejected.Values.Sum();

    public void OnAccepted() => Interlocked.Increment(ref _messagesAccepted);
    public void OnSent() => Interlocked.Increment(ref _messagesSent);
    public void OnSendFailed() => Interlocked.Increment(ref _sendFailures);
    public void OnSendDropped() => Interlocked.Increment(ref _sendDropped);
    public void OnRejected(string reason) => _rejected.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    public void Write(StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_http_messages_accepted_total counter\n")
            .Append(inv, $"ringrift_http_messages_accepted_total {MessagesAccepted}\n")
            .Append("# TYPE ringrift_http_messages_sent_total counter\n")
            .Append(inv, $"ringrift_http_messages_sent_total {MessagesSent}\n")
            .Append("# TYPE ringrift_http_send_failures_total counter\n")
            .Append(inv, $"ringrift_http_send_failures_total {SendFailures}\n")
            .Append("# TYPE ringrift_http_send_dropped_total counter\n")
            .Append(inv, $"ringrift_http_send_dropped_total {SendDropped}\n")
            .Append("# TYPE ringrift_http_rejected_total counter\n");
        foreach (var (reason, count) in _rejected.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            text.Append(inv, $"ringrift_http_rejected_total{{reason=\"{reason}\"}} {count}\n");
    }
}
