using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Sync;

namespace RingRift.Host.Config;

/// <summary>
/// The <c>sync</c> section turns data sync on: <c>canonical_store</c> (required, a host) and optional
/// overrides of the kernel's sync timings and planner bounds (<c>sync: {canonical_store: node-a}</c>
/// keeps every default). Byte sizes (chunking, disk thresholds) keep the kernel's defaults.
/// </summary>
internal static class SyncSection
{
    private static readonly string[] DurationKeys =
        ["status_interval", "plan_interval", "failed_link_cooldown", "order_timeout", "request_timeout", "model_stale_max"];

    private static readonly string[] CountKeys =
    [
        "delta_log_max", "pages_per_request_max", "pulls_per_target_max", "serves_per_source_max", "transfers_per_link_max",
        "plan_transfers_max", "sources_per_file_max", "replicas_min",
    ];

    private static readonly string[] FlagKeys = ["replicate_games", "push_allowed"];

    private static readonly string[] Keys = ["canonical_store", .. DurationKeys, .. CountKeys, .. FlagKeys];

    public static SyncConfig Read(ConfigNode section, ImmutableArray<HostEntry> hosts)
    {
        NodeId? canonical = null;
        var durations = new Dictionary<string, Duration>();
        var counts = new Dictionary<string, int>();
        var flags = new Dictionary<string, bool>();
        foreach (var (key, value) in section.Entries(Keys))
        {
            if (key == "canonical_store") canonical = Host(value, hosts);
            else if (System.Array.IndexOf(DurationKeys, key) >= 0) durations[key] = value.Duration(allowZero: key == "failed_link_cooldown");
            else if (System.Array.IndexOf(CountKeys, key) >= 0) counts[key] = value.Int(0, int.MaxValue);
            else flags[key] = value.Bool();
        }
        if (canonical is not { } store) throw section.Error("sync needs canonical_store: the node that keeps every game");
        var d = new SyncConfig(store, SyncPolicy.Default);
        var p = SyncPolicy.Default;
        var policy = p with
        {
            PullsPerTargetMax = counts.GetValueOrDefault("pulls_per_target_max", p.PullsPerTargetMax),
            ServesPerSourceMax = counts.GetValueOrDefault("serves_per_source_max", p.ServesPerSourceMax),
            TransfersPerLinkMax = counts.GetValueOrDefault("transfers_per_link_max", p.TransfersPerLinkMax),
            PlanTransfersMax = counts.GetValueOrDefault("plan_transfers_max", p.PlanTransfersMax),
            SourcesPerFileMax = counts.GetValueOrDefault("sources_per_file_max", p.SourcesPerFileMax),
            ReplicasMin = counts.GetValueOrDefault("replicas_min", p.ReplicasMin),
            ReplicateGames = flags.GetValueOrDefault("replicate_games", p.ReplicateGames),
            PushAllowed = flags.GetValueOrDefault("push_allowed", p.PushAllowed),
            ModelStaleMax = durations.GetValueOrDefault("model_stale_max", p.ModelStaleMax),
        };
        return d with
        {
            Policy = policy,
            StatusInterval = durations.GetValueOrDefault("status_interval", d.StatusInterval),
            PlanInterval = durations.GetValueOrDefault("plan_interval", d.PlanInterval),
            FailedLinkCooldown = durations.GetValueOrDefault("failed_link_cooldown", d.FailedLinkCooldown),
            OrderTimeout = durations.GetValueOrDefault("order_timeout", d.OrderTimeout),
            RequestTimeout = durations.GetValueOrDefault("request_timeout", d.RequestTimeout),
            DeltaLogMax = counts.GetValueOrDefault("delta_log_max", d.DeltaLogMax),
            PagesPerRequestMax = counts.GetValueOrDefault("pages_per_request_max", d.PagesPerRequestMax),
        };
    }

    private static NodeId Host(ConfigNode value, ImmutableArray<HostEntry> hosts)
    {
        var id = new NodeId(value.Text());
        foreach (var host in hosts)
            if (host.Profile.Node == id) return id;
        throw value.Error($"{value.Label} names '{id.Value}', which is not a running host");
    }
}
