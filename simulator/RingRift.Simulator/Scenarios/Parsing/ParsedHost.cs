namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>A host as read from the cluster block, before voters are known. Offline hosts are
/// kept here only so that references to them get a precise error.</summary>
internal sealed record ParsedHost(HostSpec Spec, bool Offline, int Line);
