namespace RingRift.Host.Driver;

/// <summary>One cluster event as the webhook receives it: the seed's event name, the node that saw it, the notice behind it.</summary>
public sealed record ClusterEventBody(string Event, string NodeId, string Notice, string Detail, long AtUnixMs);
