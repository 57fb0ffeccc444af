using System;
using System.Collections.Generic;
using System.Globalization;
using RingRift.Adapters.Security;
using RingRift.Adapters.Http;
using RingRift.Kernel;

namespace RingRift.Host.Config;

/// <summary>
/// Reads hosts: named under <c>hosts</c>, or <c>generate</c>d families (<c>prefix</c> + 1..<c>count</c>).
/// The keys the original's file carries for SSH, relays and roles are accepted and ignored, except
/// that the node's address comes from <c>p2p_address</c> (host:port), else <c>tailscale_ip</c>, else
/// <c>ssh_host</c>, on <c>p2p_port</c> (default 8770); <c>udp_port</c> is where it takes SWIM datagrams.
/// </summary>
internal static class HostReader
{
    private static readonly string[] ModelKeys =
        ["provider", "gpu", "gpu_count", "gpu_vram_gb", "memory_gb", "cpus", "disk_gb", "status", "nat_blocked", "clock", "p2p_address", "p2p_port", "udp_port"];

    private static readonly string[] DocumentaryKeys =
    [
        "role", "ssh_host", "ssh_port", "ssh_user", "ssh_key", "tailscale_ip", "ringrift_path", "venv_activate",
        "selfplay_enabled", "training_enabled", "p2p_enabled", "force_relay_mode", "relay_primary",
        "relay_secondary", "relay_capable", "disable_gpu_tree", "is_ephemeral",
    ];

    private static readonly string[] Keys = [.. ModelKeys, .. DocumentaryKeys];
    private static readonly string[] GenerateKeys = ["prefix", "count", .. ModelKeys, .. DocumentaryKeys];

    public static void ReadNamed(ConfigNode hosts, SortedDictionary<string, (HostEntry, bool)> into)
    {
        foreach (var (id, value) in hosts.Entries())
        {
            if (!NodeIds.IsValid(id)) throw value.Error($"host id '{id}' must be 1 to 128 letters, digits, '-', '_' or '.'");
            if (into.ContainsKey(id)) throw value.Error($"host '{id}' is listed twice");
            into.Add(id, Read(value, id, Fields(value, $"host '{id}'", Keys)));
        }
    }

    public static void ReadGenerated(ConfigNode generate, SortedDictionary<string, (HostEntry, bool)> into)
    {
        foreach (var family in generate.Items())
        {
            var fields = Fields(family, "a generate entry", GenerateKeys);
            var prefix = Required(family, fields, "prefix").Text();
            var count = Required(family, fields, "count").Int(1, 1000);
            for (var i = 1; i <= count; i++)
            {
                var id = prefix + i.ToString(CultureInfo.InvariantCulture);
                if (!NodeIds.IsValid(id)) throw family.Error($"generated host id '{id}' is not a valid node id");
                if (into.ContainsKey(id)) throw family.Error($"generated host '{id}' is listed twice");
                into.Add(id, Read(family, id, fields));
            }
        }
    }

    private static Dictionary<string, ConfigNode> Fields(ConfigNode node, string context, string[] allowed)
    {
        var fields = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Relabel(context).Entries(allowed)) fields[key] = value;
        return fields;
    }

    private static (HostEntry, bool) Read(ConfigNode at, string id, Dictionary<string, ConfigNode> f)
    {
        var status = f.TryGetValue("status", out var s) ? s.Text() : "ready";
        if (status is not ("ready" or "offline" or "proxy_only"))
            throw s!.Error($"'status' must be ready, offline or proxy_only, got '{status}'");
        var profile = new NodeProfile(
            new NodeId(id),
            f.TryGetValue("provider", out var provider) ? provider.Text() : id.Split('-')[0],
            Gpu(f),
            MemoryGb: f.TryGetValue("memory_gb", out var memory) ? memory.Int(1, 1_000_000) : 1,
            Cpus: f.TryGetValue("cpus", out var cpus) ? cpus.Int(1, 100_000) : 1,
            DiskGb: f.TryGetValue("disk_gb", out var disk) ? disk.Int(1, 100_000_000) : 1,
            IsVoter: false,
            NatBlocked: f.TryGetValue("nat_blocked", out var nat) && nat.Bool(),
            ProxyOnly: status == "proxy_only");
        return (new HostEntry(profile, Address(f), f.TryGetValue("udp_port", out var udp) ? udp.Int(1, 65535) : null), status == "offline");
    }

    private static GpuProfile Gpu(Dictionary<string, ConfigNode> f)
    {
        if (!f.TryGetValue("gpu", out var model)) return GpuProfile.None;
        return new GpuProfile(
            model.Text(),
            f.TryGetValue("gpu_count", out var count) ? count.Int(1, 64) : 1,
            f.TryGetValue("gpu_vram_gb", out var vram) ? vram.Int(1, 10_000) : 1);
    }

    private static Uri? Address(Dictionary<string, ConfigNode> f)
    {
        var port = f.TryGetValue("p2p_port", out var p) ? p.Int(1, 65535) : HttpEndpoints.DefaultPort;
        if (f.TryGetValue("p2p_address", out var address)) return Endpoints.Parse(address.Text(), address);
        if (!f.TryGetValue("tailscale_ip", out var host) && !f.TryGetValue("ssh_host", out host)) return null;
        return Endpoints.Parse(host.Text() + ":" + port.ToString(CultureInfo.InvariantCulture), host);
    }

    private static ConfigNode Required(ConfigNode at, Dictionary<string, ConfigNode> f, string key) =>
        f.TryGetValue(key, out var value) ? value : throw at.Error($"missing required key '{key}'");
}
