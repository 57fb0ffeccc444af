using System;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Host.Driver;

/// <summary>
/// Turns the kernel's notices into the seed's cluster events (<see cref="ClusterEvents.Of"/>): each is
/// logged as a structured event and, with a webhook configured, handed to the <see cref="EventForwarder"/>.
/// Called on the driver loop; it only logs and queues.
/// </summary>
public sealed class ClusterEventPublisher(NodeId self, ILogger logger, EventForwarder? forwarder)
{
    public EventForwarder? Forwarder => forwarder;

    /// <summary>Logs and forwards the notice's event; false when the notice is no cluster event.</summary>
    public bool Publish(Notice notice)
    {
        if (ClusterEvents.Of(notice) is not { } name) return false;
        var detail = notice.Describe();
        logger.LogInformation("cluster event {Event} on {Node}: {Notice} {Detail}", name, self.Value, notice.Name, detail);
        forwarder?.Post(new ClusterEventBody(name, self.Value, notice.Name, detail, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return true;
    }

    /// <summary>The forwarder's counters for /metrics (zero without a webhook).</summary>
    public void Write(StringBuilder text)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append("# TYPE ringrift_events_sent_total counter\n").Append(inv, $"ringrift_events_sent_total {forwarder?.Sent ?? 0}\n")
            .Append("# TYPE ringrift_events_dropped_total counter\n").Append(inv, $"ringrift_events_dropped_total {forwarder?.Dropped ?? 0}\n")
            .Append("# TYPE ringrift_events_failed_total counter\n").Append(inv, $"ringrift_events_failed_total {forwarder?.Failed ?? 0}\n");
    }
}
