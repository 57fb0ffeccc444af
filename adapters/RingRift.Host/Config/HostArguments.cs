using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using RingRift.Adapters.Security;
using RingRift.Adapters.Http;
using RingRift.Kernel;

namespace RingRift.Host.Config;

/// <summary>
/// The command line of <c>ringrift-node</c>: <c>--node-id</c> (required), <c>--port</c>, <c>--bind</c>,
/// <c>--peers id=host:port,…</c>, <c>--config FILE</c>, <c>--data-dir DIR</c>, <c>--secret-file FILE</c>,
/// <c>--seed N</c> (default: drawn from the OS), <c>--udp-port N</c> (SWIM datagrams).
/// </summary>
public sealed record HostArguments(
    NodeId NodeId,
    int? Port,
    IPAddress? Bind,
    ImmutableArray<(NodeId Node, Uri Address)> Peers,
    string? ConfigPath,
    string? DataDir,
    string? SecretFile,
    ulong? Seed)
{
    /// <summary>The UDP port for SWIM datagrams (<c>--udp-port</c>).</summary>
    public int? UdpPort { get; init; }

    public const string Usage =
        "usage: ringrift-node --node-id ID [--port 8770] [--bind 0.0.0.0] [--peers id=host:port,...] " +
        "[--config distributed_hosts.yaml] [--data-dir DIR] [--secret-file FILE] [--seed N] [--udp-port N]";

    public static HostArguments Parse(string[] args)
    {
        string? node = null, port = null, udp = null, bind = null, peers = null, config = null, data = null, secret = null, seed = null;
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            if (i + 1 >= args.Length) throw new ConfigException($"{flag}: missing value\n{Usage}");
            var value = args[++i];
            switch (flag)
            {
                case "--node-id": node = value; break;
                case "--port": port = value; break;
                case "--bind": bind = value; break;
                case "--peers": peers = value; break;
                case "--config": config = value; break;
                case "--data-dir": data = value; break;
                case "--secret-file": secret = value; break;
                case "--seed": seed = value; break;
                case "--udp-port": udp = value; break;
                default: throw new ConfigException($"unknown flag '{flag}'\n{Usage}");
            }
        }
        if (node is null) throw new ConfigException("--node-id is required\n" + Usage);
        if (!NodeIds.IsValid(node)) throw new ConfigException($"--node-id: '{node}' must be 1 to 128 letters, digits, '-', '_' or '.'");
        return new HostArguments(
            new NodeId(node), port is null ? null : ParsePort("--port", port), ParseBind(bind), ParsePeers(peers),
            config, data, secret, ParseSeed(seed))
        {
            UdpPort = udp is null ? null : ParsePort("--udp-port", udp),
        };
    }

    public static int ParsePort(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new ConfigException($"{name}: '{text}' is not a port number (1 to 65535)");

    private static IPAddress? ParseBind(string? text) =>
        text is null ? null
        : IPAddress.TryParse(text, out var address) ? address
        : throw new ConfigException($"--bind: '{text}' is not an IP address");

    private static ulong? ParseSeed(string? text) =>
        text is null ? null
        : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed
        : throw new ConfigException($"--seed: '{text}' is not a whole number");

    private static ImmutableArray<(NodeId, Uri)> ParsePeers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var peers = ImmutableArray.CreateBuilder<(NodeId, Uri)>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=');
            if (equals <= 0) throw new ConfigException($"--peers: '{item}' is not id=host:port");
            var id = item[..equals];
            if (!NodeIds.IsValid(id)) throw new ConfigException($"--peers: '{id}' is not a valid node id");
            if (!Endpoints.TryParse(item[(equals + 1)..], out var uri)) throw new ConfigException($"--peers: '{item}' is not id=host:port");
            peers.Add((new NodeId(id), uri!));
        }
        return peers.ToImmutable();
    }
}
