using System;
using System.Collections.Immutable;
using System.Net;
using RingRift.Adapters.Process;
using RingRift.Adapters.Security;
using RingRift.Kernel;
using RingRift.Kernel.Node;

namespace RingRift.Host.Config;

/// <summary>Everything a node host runs with, validated: the kernel's config, where to listen, where peers are, job commands, the secret.</summary>
public sealed record NodeSettings(
    KernelConfig Kernel,
    IPAddress Bind,
    int Port,
    string DataDir,
    ImmutableDictionary<NodeId, Uri> PeerAddresses,
    JobCommandTemplates Jobs,
    ClusterSecret Secret)
{
    public NodeId Self => Kernel.Self.Node;

    /// <summary>The UDP port for SWIM datagrams; null: SWIM travels over HTTP.</summary>
    public int? UdpPort { get; init; }

    /// <summary>The peers that take SWIM datagrams, and where.</summary>
    public ImmutableDictionary<NodeId, IPEndPoint> PeerUdp { get; init; } = ImmutableDictionary<NodeId, IPEndPoint>.Empty;

    /// <summary>How often CPU, memory and disk are sampled and handed to the kernel.</summary>
    public TimeSpan ResourceSamplePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the <c>peers</c>, <c>peer_cache</c> and <c>metrics_history</c> tables are written.</summary>
    public TimeSpan PeerTablePeriod { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a terminated job gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan TerminateGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a file transfer may move no byte before it fails as stalled.</summary>
    public TimeSpan TransferStallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where cluster events are POSTed as JSON (<c>RINGRIFT_EVENT_WEBHOOK</c>); null: logged only.</summary>
    public Uri? EventWebhook { get; init; }

    /// <summary>Signs every webhook body (<c>RINGRIFT_EVENT_WEBHOOK_SECRET</c>); null: bodies go unsigned.</summary>
    public byte[]? EventWebhookSecret { get; init; }

    /// <summary>The auto-scaler's provision and terminate commands (the cluster file's <c>scaling</c> section); null: none.</summary>
    public ProviderTemplates? Provider { get; init; }

    /// <summary>The allowed distance between a signed message's timestamp and this host's clock.</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromSeconds(30);
}
