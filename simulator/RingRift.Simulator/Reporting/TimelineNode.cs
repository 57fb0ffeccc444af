namespace RingRift.Simulator.Reporting;

/// <summary>A node as the report labels its lane: name, whether it votes, its GPUs, whether it is behind NAT.</summary>
public sealed record TimelineNode(string Name, bool IsVoter, int Gpus, string GpuModel, bool NatBlocked);
