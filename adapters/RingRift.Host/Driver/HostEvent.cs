namespace RingRift.Host.Driver;

/// <summary>What the driver loop reads from its channel: a kernel input, a submitted command, or a deadline wake.</summary>
internal abstract record HostEvent;
