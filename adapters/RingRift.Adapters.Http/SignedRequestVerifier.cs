using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using RingRift.Adapters.Security;

namespace RingRift.Adapters.Http;

/// <summary>
/// Checks a request's signature headers (<see cref="AuthHeaders"/>) against its body: well-formed,
/// signed with the cluster secret for this method and path, and neither stale nor replayed.
/// </summary>
internal sealed class SignedRequestVerifier(MessageAuthenticator authenticator, ReplayGuard replays)
{
    public SignedRequest Verify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var sender = request.Headers[AuthHeaders.Sender].ToString();
        if (sender.Length == 0) return SignedRequest.Refuse(401, "missing " + AuthHeaders.Sender);
        if (!NodeIds.IsValid(sender)) return SignedRequest.Refuse(400, "malformed " + AuthHeaders.Sender);
        if (!long.TryParse(request.Headers[AuthHeaders.Timestamp].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return SignedRequest.Refuse(401, "missing or malformed " + AuthHeaders.Timestamp);
        if (!TryHex(request.Headers[AuthHeaders.Nonce].ToString(), MessageAuthenticator.NonceBytes, out var nonce))
            return SignedRequest.Refuse(401, "missing or malformed " + AuthHeaders.Nonce);
        if (!TryHex(request.Headers[AuthHeaders.Signature].ToString(), MessageAuthenticator.MacBytes, out var mac))
            return SignedRequest.Refuse(401, "missing or malformed " + AuthHeaders.Signature);
        var context = AuthHeaders.Context(request.Method, (request.Path.Value ?? "") + request.QueryString.Value, IsResponse(request));
        if (!authenticator.Verify(sender, context, timestamp, nonce, body, mac))
            return SignedRequest.Refuse(401, "bad signature");
        return replays.Check(sender, timestamp, nonce) switch
        {
            ReplayVerdict.Fresh => new SignedRequest(sender, 200, ""),
            ReplayVerdict.OutsideWindow => SignedRequest.Refuse(401, "timestamp outside the replay window"),
            ReplayVerdict.Replayed => SignedRequest.Refuse(409, "replayed nonce"),
            _ => SignedRequest.Refuse(429, "replay guard full"),
        };
    }

    public static bool IsResponse(HttpRequest request) => request.Headers[AuthHeaders.Response].ToString() == "1";

    private static bool TryHex(string text, int bytes, out byte[] value)
    {
        value = [];
        if (text.Length != bytes * 2) return false;
        try
        {
            value = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
