using System;

namespace RingRift.Host.Config;

/// <summary>
/// Where cluster events are forwarded: <c>RINGRIFT_EVENT_WEBHOOK=http://…</c> (an absolute http or https
/// URL); unset or empty, they are only logged. A URL that is not one stops startup naming the variable.
/// With <c>RINGRIFT_EVENT_WEBHOOK_SECRET</c> set, each body is signed (HMAC-SHA256 of the exact bytes, in
/// <c>X-RingRift-Signature: sha256=&lt;hex&gt;</c>) so the receiver can tell the cluster's events from anyone's.
/// </summary>
internal static class HostEventWebhook
{
    public const string Var = "RINGRIFT_EVENT_WEBHOOK";
    public const string SecretVar = "RINGRIFT_EVENT_WEBHOOK_SECRET";

    /// <summary>The signing key's UTF-8 bytes; null when unset or empty.</summary>
    public static byte[]? SecretFromEnv(Func<string, string?> env) =>
        env(SecretVar) is { Length: > 0 } secret ? System.Text.Encoding.UTF8.GetBytes(secret) : null;

    public static Uri? FromEnv(Func<string, string?> env)
    {
        if (env(Var)?.Trim() is not { Length: > 0 } text) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ConfigException($"{Var}: '{text}' must be an absolute http:// or https:// URL");
    }
}
