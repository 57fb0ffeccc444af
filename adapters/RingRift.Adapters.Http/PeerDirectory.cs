using System;
using System.Collections.Immutable;
using System.Threading;
using RingRift.Kernel;

namespace RingRift.Adapters.Http;

/// <summary>Where each peer's HTTP API listens. Replaced atomically; readers see one consistent map.</summary>
public sealed class PeerDirectory
{
    private ImmutableDictionary<NodeId, Uri> _peers = ImmutableDictionary<NodeId, Uri>.Empty;

    public ImmutableDictionary<NodeId, Uri> All => Volatile.Read(ref _peers);

    public void Set(NodeId node, Uri baseAddress) =>
        ImmutableInterlocked.Update(ref _peers, static (peers, entry) => peers.SetItem(entry.Node, entry.Uri), (Node: node, Uri: baseAddress));

    public bool TryGet(NodeId node, out Uri? baseAddress) => All.TryGetValue(node, out baseAddress);
}
