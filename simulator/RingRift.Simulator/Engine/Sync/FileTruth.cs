using System.Collections.Generic;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>The ground truth of one file: its true content, who wrote it when, and which nodes hold an intact copy now.</summary>
internal sealed class FileTruth(SimFile file, int producer, long writtenAt)
{
    public SimFile File { get; } = file;
    public int Producer { get; } = producer;
    public long WrittenAt { get; } = writtenAt;
    public HashSet<int> Holders { get; } = new();

    /// <summary>Since when each holder has held its copy (without a break).</summary>
    public Dictionary<int, long> HeldSince { get; } = new();

    /// <summary>When a node other than its producer first held it (it left the node that wrote it); -1 until then.</summary>
    public long SpreadAt { get; set; } = -1;

    /// <summary>When it first was at the canonical store and on enough other nodes; -1 until then.</summary>
    public long DurableAt { get; set; } = -1;

    /// <summary>When it first reached the canonical store; -1 until then.</summary>
    public long CanonicalAt { get; set; } = -1;

    public bool Lost { get; set; }
}
