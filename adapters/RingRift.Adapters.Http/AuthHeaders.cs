namespace RingRift.Adapters.Http;

/// <summary>The headers of a signed request (see <see cref="Security.MessageAuthenticator"/>).</summary>
public static class AuthHeaders
{
    public const string Sender = "X-RingRift-Sender";
    public const string Timestamp = "X-RingRift-Timestamp";
    public const string Nonce = "X-RingRift-Nonce";
    public const string Signature = "X-RingRift-Signature";
    public const string Response = "X-RingRift-Response";

    /// <summary>The signed context of a request: method, path with its query string, and the response flag.</summary>
    public static string Context(string method, string path, bool isResponse) =>
        method + " " + path + (isResponse ? " response" : "");
}
