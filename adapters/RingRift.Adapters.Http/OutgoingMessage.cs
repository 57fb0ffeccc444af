namespace RingRift.Adapters.Http;

/// <summary>One encoded message waiting for its peer's sender.</summary>
internal readonly record struct OutgoingMessage(byte[] Body, bool IsResponse);
