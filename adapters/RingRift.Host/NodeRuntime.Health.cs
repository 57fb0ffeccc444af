using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace RingRift.Host;

public sealed partial class NodeRuntime
{
    public TimeSpan Uptime => _clock.Elapsed;

    public bool AcceptingWork => _accepting;

    /// <summary>Health of each component, for /status's "managers" and /health.</summary>
    public IReadOnlyList<Adapters.Http.ComponentHealth> Components()
    {
        var inv = CultureInfo.InvariantCulture;
        var failures = Interlocked.Read(ref _persistFailures);
        return
        [
            new("driver_loop", !_driver.Faulted,
                string.Create(inv, $"steps={Metrics.Steps} max_step_ms={Metrics.StepMicrosMax / 1000.0:0.###} inbox={_driver.InboxCount}")),
            new("state_store", !_lastPersistFailed, string.Create(inv, $"writes={_persist.Written} failures={failures}")),
            new("transport", true,
                string.Create(inv, $"sent={Counters.MessagesSent} accepted={Counters.MessagesAccepted} send_failures={Counters.SendFailures} rejected={Counters.RejectedTotal}")),
            new("job_runner", true, string.Create(inv, $"processes={_processes.RunningCount}")),
            new("udp", true, _udp is null ? "off (SWIM over HTTP)"
                : string.Create(inv, $"received={UdpCounters.Received} sent={UdpCounters.Sent} dropped={UdpCounters.DroppedTotal}")),
        ];
    }
}
