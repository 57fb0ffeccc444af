using System;
using RingRift.Adapters.Security;

namespace RingRift.Adapters.Http;

/// <summary>Everything the endpoints share: the node, the cluster secret and its checks, counters and limits.</summary>
public sealed class HttpEndpointContext(
    INodeGateway gateway,
    ClusterSecret secret,
    MessageAuthenticator authenticator,
    ReplayGuard replays,
    HttpCounters counters)
{
    /// <summary>Largest JSON body accepted by /spawn/*.</summary>
    public const int JsonBodyMaxBytes = 16 * 1024;

    public INodeGateway Gateway { get; } = gateway;
    public ClusterSecret Secret { get; } = secret;
    public HttpCounters Counters { get; } = counters;
    public TimeSpan SubmitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where each peer's HTTP API listens, for pointing at the leader's /alerts; null: not known.</summary>
    public PeerDirectory? Peers { get; init; }

    internal SignedRequestVerifier Verifier { get; } = new(authenticator, replays);
}
