using System;
using System.Buffers.Binary;
using System.Text;
using RingRift.Adapters.Security;

namespace RingRift.Adapters.Udp;

/// <summary>
/// The signed datagram: magic "RR", version 1, flags (bit 0: a response), sender length and UTF-8
/// sender, timestamp (ms since the Unix epoch, big-endian), 16-byte nonce, 32-byte HMAC, then one
/// message in the kernel's codec. The HMAC covers sender, context ("udp" and the flags), timestamp,
/// nonce and body.
/// </summary>
public static class Datagram
{
    public const byte Version = 1;
    private const int FixedBytes = 2 + 1 + 1 + 1 + 8 + MessageAuthenticator.NonceBytes + MessageAuthenticator.MacBytes;

    public static string Context(bool isResponse) => isResponse ? "udp response" : "udp";

    /// <summary>The bytes on the wire, or null when the sender's name is too long for the format.</summary>
    public static byte[]? Build(MessageAuthenticator authenticator, string sender, long timestampMs, ReadOnlySpan<byte> body, bool isResponse)
    {
        var name = Encoding.UTF8.GetBytes(sender);
        if (name.Length > byte.MaxValue) return null;
        var nonce = MessageAuthenticator.NewNonce();
        var mac = authenticator.Sign(sender, Context(isResponse), timestampMs, nonce, body);
        var bytes = new byte[FixedBytes + name.Length + body.Length];
        var at = 0;
        bytes[at++] = (byte)'R';
        bytes[at++] = (byte)'R';
        bytes[at++] = Version;
        bytes[at++] = isResponse ? (byte)1 : (byte)0;
        bytes[at++] = (byte)name.Length;
        name.CopyTo(bytes, at);
        at += name.Length;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(at), timestampMs);
        at += 8;
        nonce.CopyTo(bytes, at);
        at += nonce.Length;
        mac.CopyTo(bytes, at);
        at += mac.Length;
        body.CopyTo(bytes.AsSpan(at));
        return bytes;
    }

    /// <summary>Splits a received datagram into its parts; false (with a reason) when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out DatagramParts parts, out string reason)
    {
        parts = default;
        if (bytes.Length < FixedBytes) { reason = "short"; return false; }
        if (bytes[0] != 'R' || bytes[1] != 'R' || bytes[2] != Version) { reason = "bad_header"; return false; }
        if (bytes[3] > 1) { reason = "bad_flags"; return false; }
        var nameLength = bytes[4];
        if (bytes.Length < FixedBytes + nameLength) { reason = "short"; return false; }
        var at = 5;
        string sender;
        try
        {
            sender = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.Slice(at, nameLength));
        }
        catch (ArgumentException)
        {
            reason = "bad_sender";
            return false;
        }
        if (!NodeIds.IsValid(sender)) { reason = "bad_sender"; return false; }
        at += nameLength;
        var timestamp = BinaryPrimitives.ReadInt64BigEndian(bytes[at..]);
        at += 8;
        var nonceAt = at;
        at += MessageAuthenticator.NonceBytes;
        var macAt = at;
        at += MessageAuthenticator.MacBytes;
        parts = new DatagramParts(sender, bytes[3] == 1, timestamp, nonceAt, macAt, at);
        reason = "";
        return true;
    }
}
