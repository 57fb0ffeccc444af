using System;
using System.Globalization;
using System.Net.Http;
using RingRift.Adapters.Security;

namespace RingRift.Adapters.Http;

/// <summary>
/// Signs outgoing inter-node requests (<see cref="AuthHeaders"/>): the signature covers the method, the
/// path with its query string, the response flag, a timestamp, a fresh nonce and the signed body.
/// </summary>
public sealed class RequestSigner(string self, MessageAuthenticator authenticator)
{
    public string Self => self;

    public void Sign(HttpRequestMessage request, ReadOnlySpan<byte> signedBody, bool isResponse = false)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var nonce = MessageAuthenticator.NewNonce();
        var context = AuthHeaders.Context(request.Method.Method, request.RequestUri!.PathAndQuery, isResponse);
        var mac = authenticator.Sign(self, context, timestamp, nonce, signedBody);
        request.Headers.Add(AuthHeaders.Sender, self);
        request.Headers.Add(AuthHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(AuthHeaders.Nonce, Convert.ToHexStringLower(nonce));
        request.Headers.Add(AuthHeaders.Signature, Convert.ToHexStringLower(mac));
        if (isResponse) request.Headers.Add(AuthHeaders.Response, "1");
    }
}
