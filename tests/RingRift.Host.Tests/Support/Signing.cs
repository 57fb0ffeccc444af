using System;
using System.Globalization;
using System.Net.Http;
using RingRift.Adapters.Http;
using RingRift.Adapters.Security;

namespace RingRift.Host.Tests.Support;

/// <summary>Builds requests signed as a peer would sign them.</summary>
public static class Signing
{
    public static readonly MessageAuthenticator Authenticator = new(new ClusterSecret(TestCluster.Secret));

    public static HttpRequestMessage Signed(Uri baseUri, string path, byte[] body, string sender = "node-z", long? timestampMs = null, byte[]? nonce = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, path)) { Content = new ByteArrayContent(body) };
        var timestamp = timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        nonce ??= MessageAuthenticator.NewNonce();
        var mac = Authenticator.Sign(sender, AuthHeaders.Context("POST", path, false), timestamp, nonce, body);
        request.Headers.Add(AuthHeaders.Sender, sender);
        request.Headers.Add(AuthHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(AuthHeaders.Nonce, Convert.ToHexStringLower(nonce));
        request.Headers.Add(AuthHeaders.Signature, Convert.ToHexStringLower(mac));
        return request;
    }
}
