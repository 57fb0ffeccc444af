using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Scaling;

namespace RingRift.Host.Config;

/// <summary>
/// The <c>scaling</c> section: the auto-scaler's policy (overrides of <see cref="ScalingConfig"/>'s
/// defaults), the provider's nodes and profile, and the commands that provision and terminate machines.
/// <c>enabled: false</c> keeps the section but leaves the scaler off. Every value is checked at its line;
/// the policy's relationships at the line of the key the error names; an enabled scaler needs
/// <c>profile</c>, both commands and a <c>scheduling</c> section.
/// </summary>
internal static class ScalingSection
{
    private static readonly string[] DurationKeys = ["check_interval", "idle_before_scale_down", "cooldown"];

    private static readonly string[] Keys =
    [
        "enabled", "profile", "managed", "scale_up_pending_per_node", "scale_down_pending_per_node", "nodes_per_cycle_max",
        .. DurationKeys, "provision_command", "terminate_command",
    ];

    /// <summary>The scaler's config and commands; null when the section says <c>enabled: false</c>.</summary>
    public static (ScalingConfig Config, ProviderTemplates Commands)? Read(ConfigNode section, IReadOnlyCollection<HostEntry> hosts, bool scheduling)
    {
        var nodes = new Dictionary<string, ConfigNode>();
        foreach (var (key, value) in section.Entries(Keys)) nodes[key] = value;
        if (nodes.TryGetValue("enabled", out var enabled) && !enabled.Bool()) return null;
        if (!scheduling) throw section.Error("scaling needs a scheduling section: the auto-scaler reads the leader's job book");
        var config = new ScalingConfig(Managed(nodes, hosts), Required(section, nodes, "profile").Text());
        foreach (var (key, value) in nodes) config = With(config, key, value);
        SectionErrors.ThrowIfAny("scaling", section, nodes, config.Validate());
        var commands = new ProviderTemplates(
            Command(section, nodes, "provision_command", ProviderTemplates.ProvisionPlaceholders),
            Command(section, nodes, "terminate_command", ProviderTemplates.TerminatePlaceholders));
        return (config, commands);
    }

    private static ScalingConfig With(ScalingConfig c, string key, ConfigNode value) => key switch
    {
        "check_interval" => c with { CheckInterval = value.Duration() },
        "idle_before_scale_down" => c with { IdleBeforeScaleDown = value.Duration(allowZero: true) },
        "cooldown" => c with { Cooldown = value.Duration(allowZero: true) },
        "scale_up_pending_per_node" => c with { ScaleUpPendingPerNode = value.Int(1, 1_000_000) },
        "scale_down_pending_per_node" => c with { ScaleDownPendingPerNode = value.Int(0, 1_000_000) },
        "nodes_per_cycle_max" => c with { NodesPerCycleMax = value.Int(1, 64) },
        _ => c,
    };

    private static ImmutableArray<NodeId> Managed(Dictionary<string, ConfigNode> nodes, IReadOnlyCollection<HostEntry> hosts)
    {
        if (!nodes.TryGetValue("managed", out var list)) return [];
        var managed = ImmutableArray.CreateBuilder<NodeId>();
        foreach (var item in list.Items())
        {
            var id = new NodeId(item.Text());
            if (!IsHost(hosts, id)) throw item.Error($"scaling.managed names '{id.Value}', which is not a running host of the cluster file");
            if (managed.Contains(id)) throw item.Error($"scaling.managed names '{id.Value}' twice");
            managed.Add(id);
        }
        return managed.ToImmutable();
    }

    private static bool IsHost(IReadOnlyCollection<HostEntry> hosts, NodeId id)
    {
        foreach (var host in hosts)
            if (host.Profile.Node == id) return true;
        return false;
    }

    /// <summary>An argument list whose every <c>{placeholder}</c> is one the command is given.</summary>
    private static ImmutableArray<string> Command(ConfigNode section, Dictionary<string, ConfigNode> nodes, string key, ImmutableArray<string> placeholders)
    {
        var value = Required(section, nodes, key);
        var argv = SectionReaders.Argv(value);
        foreach (var arg in argv)
        {
            for (var open = arg.IndexOf('{'); open >= 0; open = arg.IndexOf('{', open + 1))
            {
                var close = arg.IndexOf('}', open);
                var placeholder = close < 0 ? arg[open..] : arg[open..(close + 1)];
                if (!placeholders.Contains(placeholder))
                    throw value.Error($"scaling.{key} uses {placeholder}; it may use {string.Join(", ", placeholders)}");
            }
        }
        return argv;
    }

    private static ConfigNode Required(ConfigNode section, Dictionary<string, ConfigNode> nodes, string key) =>
        nodes.TryGetValue(key, out var value) ? value : throw section.Error($"scaling.{key} is required when scaling is enabled");
}
