using System;
using System.Security.Cryptography;
using System.Text;

namespace RingRift.Adapters.Security;

/// <summary>
/// HMAC-SHA256 over everything a receiver acts on: a domain label, the sender, a context (the
/// endpoint or datagram kind and flags, so a signature is valid for one use only), the timestamp, the
/// nonce and the body, each length-prefixed so no two different tuples sign the same bytes. The
/// timestamp and nonce let <see cref="ReplayGuard"/> refuse replays. Thread-safe.
/// </summary>
public sealed class MessageAuthenticator(ClusterSecret secret)
{
    public const int MacBytes = 32;
    public const int NonceBytes = 16;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("ringrift-msg-v1");

    /// <summary>A fresh random nonce.</summary>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceBytes);

    public byte[] Sign(string sender, string context, long timestampMs, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> body)
    {
        var mac = new byte[MacBytes];
        Compute(sender, context, timestampMs, nonce, body, mac);
        return mac;
    }

    /// <summary>True when <paramref name="mac"/> is the signature of the other arguments; constant time.</summary>
    public bool Verify(string sender, string context, long timestampMs, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac)
    {
        if (mac.Length != MacBytes || nonce.Length != NonceBytes) return false;
        Span<byte> expected = stackalloc byte[MacBytes];
        Compute(sender, context, timestampMs, nonce, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }

    private void Compute(string sender, string context, long timestampMs, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret.Key);
        AppendField(hmac, Domain);
        AppendField(hmac, Encoding.UTF8.GetBytes(sender));
        AppendField(hmac, Encoding.UTF8.GetBytes(context));
        Span<byte> stamp = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(stamp, timestampMs);
        AppendField(hmac, stamp);
        AppendField(hmac, nonce);
        AppendField(hmac, body);
        hmac.GetHashAndReset(mac);
    }

    private static void AppendField(IncrementalHash hmac, ReadOnlySpan<byte> field)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        hmac.AppendData(length);
        hmac.AppendData(field);
    }
}
