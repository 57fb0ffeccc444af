namespace RingRift.Adapters.Udp;

/// <summary>Where the parts of a parsed datagram are: the sender, flags and timestamp, and the offsets of nonce, MAC and body.</summary>
public readonly record struct DatagramParts(string Sender, bool IsResponse, long TimestampMs, int NonceAt, int MacAt, int BodyAt);
