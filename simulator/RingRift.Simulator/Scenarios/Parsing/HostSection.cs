using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>
/// One host's keys, shared by <c>hosts.&lt;id&gt;</c> and <c>generate</c> entries. The keys the
/// original's cluster file carries for SSH, relays and roles are accepted and ignored, so that a
/// real <c>distributed_hosts.yaml</c> block can be pasted in.
/// </summary>
internal static class HostSection
{
    /// <summary>Drift beyond ±10% is not a clock any more; the bound keeps the engine's arithmetic in range.</summary>
    public const int DriftPpmMax = 100_000;

    public static readonly ImmutableArray<string> ModelKeys =
        ["provider", "gpu", "gpu_count", "gpu_vram_gb", "memory_gb", "cpus", "disk_gb", "status", "nat_blocked", "clock"];

    public static readonly ImmutableArray<string> DocumentaryKeys =
    [
        "role", "ssh_host", "ssh_port", "ssh_user", "ssh_key", "tailscale_ip", "ringrift_path", "venv_activate",
        "selfplay_enabled", "training_enabled", "p2p_enabled", "force_relay_mode", "relay_primary",
        "relay_secondary", "relay_capable", "disable_gpu_tree", "is_ephemeral",
    ];

    public static readonly ImmutableArray<string> Keys = ModelKeys.AddRange(DocumentaryKeys);

    private static readonly WordTable<HostStatus> Statuses =
        new(("ready", HostStatus.Ready), ("offline", HostStatus.Offline), ("proxy_only", HostStatus.ProxyOnly));

    private static readonly ImmutableArray<string> ClockKeys = ["offset", "drift_ppm"];

    /// <summary>Reads the host <paramref name="id"/> from <paramref name="host"/>, whose keys are already checked.</summary>
    public static ParsedHost Read(MapReader host, string id)
    {
        var status = host.Optional("status")?.Word(Statuses) ?? HostStatus.Ready;
        var profile = new NodeProfile(
            new NodeId(id),
            Provider(host, id),
            Gpu(host),
            MemoryGb: host.Required("memory_gb").Int(1, NodeProfile.MemoryGbMax),
            Cpus: host.Required("cpus").Int(1, NodeProfile.CpusMax),
            DiskGb: host.Required("disk_gb").Int(1, NodeProfile.DiskGbMax),
            IsVoter: false,
            NatBlocked: host.Optional("nat_blocked")?.Bool() ?? false,
            ProxyOnly: status == HostStatus.ProxyOnly);
        return new ParsedHost(new HostSpec(profile, Clock(host)), status == HostStatus.Offline, host.Line);
    }

    /// <summary>The provider as written, or the node id up to its first '-' as the original derives it.</summary>
    private static string Provider(MapReader host, string id)
    {
        if (host.Optional("provider") is not { } written) return id.Split('-')[0];
        return BoundedText(written, "provider", NodeProfile.ProviderBytesMax);
    }

    private static GpuProfile Gpu(MapReader host)
    {
        if (host.Optional("gpu") is not { } model)
        {
            foreach (var key in (string[])["gpu_count", "gpu_vram_gb"])
            {
                if (host.Optional(key) is { } orphan)
                    throw orphan.Error($"'{key}' needs 'gpu' (the GPU model); a host without 'gpu' is CPU-only");
            }
            return GpuProfile.None;
        }
        return new GpuProfile(
            BoundedText(model, "gpu", NodeProfile.GpuModelBytesMax),
            host.Optional("gpu_count")?.Int(1, NodeProfile.GpuCountMax) ?? 1,
            host.Required("gpu_vram_gb").Int(1, NodeProfile.GpuVramGbMax));
    }

    /// <summary>Non-empty text that fits the wire's bound in UTF-8 bytes.</summary>
    private static string BoundedText(YamlValue value, string key, int maxBytes)
    {
        var text = value.Text();
        if (text.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(text) > maxBytes)
            throw value.Error($"'{key}' must be 1 to {maxBytes} bytes of UTF-8");
        return text;
    }

    private static ClockSpec Clock(MapReader host)
    {
        if (host.Optional("clock") is not { } value) return ClockSpec.Perfect;
        var clock = value.Map("the clock of " + host.Context, ClockKeys);
        return new ClockSpec(
            clock.Optional("offset")?.Duration() ?? Duration.Zero,
            clock.Optional("drift_ppm")?.Int(-DriftPpmMax, DriftPpmMax) ?? 0);
    }
}
