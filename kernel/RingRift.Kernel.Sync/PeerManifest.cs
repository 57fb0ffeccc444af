using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>What the leader knows of one node's files: its manifest as last rebuilt, its disk, and a manifest request in progress.</summary>
internal sealed class PeerManifest(NodeId node)
{
    public Manifest Known { get; set; } = Manifest.Empty(node);
    public bool HasStatus { get; set; }
    public ByteSize DiskTotal { get; set; }
    public ByteSize DiskFree { get; set; }

    /// <summary>When the last manifest request went out; null when none is outstanding.</summary>
    public Instant? RequestedAt { get; set; }

    /// <summary>Pages of a whole manifest received so far, in order.</summary>
    public List<ManifestPage> Pages { get; } = new();
}
