using System.Collections.Immutable;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// A fault in force over [<see cref="Start"/>, <see cref="End"/>): a partition, a pause, a slow disk, a GPU
/// fault, lossy network settings. <see cref="Nodes"/> are the indexes of the nodes it touches; empty means
/// the whole cluster.
/// </summary>
public sealed record FaultWindow(long Start, long End, string Kind, string Detail, ImmutableArray<int> Nodes);
