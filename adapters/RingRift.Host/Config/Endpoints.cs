using System;
using System.Globalization;

namespace RingRift.Host.Config;

/// <summary>Parses "host:port" (IPv6 as "[::1]:8770") into the base URI of a node's HTTP API.</summary>
internal static class Endpoints
{
    public static Uri Parse(string text, ConfigNode at) =>
        TryParse(text, out var uri) ? uri! : throw at.Error($"'{text}' is not host:port");

    public static bool TryParse(string text, out Uri? uri)
    {
        uri = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        var host = text[..colon];
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            return false;
        if (Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown) return false;
        return Uri.TryCreate($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/", UriKind.Absolute, out uri);
    }
}
