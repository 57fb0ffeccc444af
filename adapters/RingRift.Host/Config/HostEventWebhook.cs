using System;

namespace RingRift.Host.Config;

/// <summary>
/// Where cluster events are forwarded: <c>RINGRIFT_EVENT_WEBHOOK=http://…</c> (an absolute http or https
/// URL); unset or empty, they are only logged. A URL that is not one stops startup naming the variable.
/// </summary>
internal static class HostEventWebhook
{
    public const string Var = "RINGRIFT_EVENT_WEBHOOK";

    public static Uri? FromEnv(Func<string, string?> env)
    {
        if (env(Var)?.Trim() is not { Length: > 0 } text) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ConfigException($"{Var}: '{text}' must be an absolute http:// or https:// URL");
    }
}
