namespace RingRift.Kernel.Sync;

/// <summary>A node's disk pressure as <see cref="DiskThresholds"/> classifies it.</summary>
public enum DiskLevel : byte
{
    /// <summary>Room to spare: the node takes pulls and holds replicas.</summary>
    Normal = 0,

    /// <summary>Filling: the node takes ordered files but no new replicas, and may shed durable files.</summary>
    Warning = 1,

    /// <summary>Full: the node takes no pulls at all.</summary>
    Critical = 2,
}
