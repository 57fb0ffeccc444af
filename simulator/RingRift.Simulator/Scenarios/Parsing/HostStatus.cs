namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>A host's <c>status</c> as the original's cluster file writes it.</summary>
internal enum HostStatus : byte
{
    Ready,
    Offline,
    ProxyOnly,
}
