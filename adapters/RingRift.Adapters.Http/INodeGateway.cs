using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using RingRift.Kernel;

namespace RingRift.Adapters.Http;

/// <summary>
/// What the HTTP and UDP adapters need from the node host. Every member returns at once: inputs are
/// posted to the host's driver loop, never run on the caller's thread, and reads see the last
/// snapshot the loop published.
/// </summary>
public interface INodeGateway
{
    NodeId Self { get; }

    /// <summary>The kernel's status after the loop's latest step.</summary>
    NodeStatus Status { get; }

    TimeSpan Uptime { get; }

    /// <summary>False once shutdown began: new work is refused.</summary>
    bool AcceptingWork { get; }

    /// <summary>Health of each host component (driver loop, state store, transport …).</summary>
    IReadOnlyList<ComponentHealth> Components { get; }

    /// <summary>Posts a delivered message to the loop; false when the loop's inbox is full (the message is dropped).</summary>
    bool TryDeliver(NodeId from, Message message, bool isResponse);

    /// <summary>Submits a command and waits for the kernel's reply.</summary>
    Task<Reply> SubmitAsync(Command command, CancellationToken cancellation);

    /// <summary>Appends the host's metrics in Prometheus text format.</summary>
    void WriteMetrics(StringBuilder text);
}
