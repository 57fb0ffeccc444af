namespace RingRift.Kernel.Sync;

/// <summary>A one-way cut: <see cref="From"/> cannot open a connection to <see cref="To"/> (the reverse may work).</summary>
public readonly record struct DialBlock(NodeId From, NodeId To);
