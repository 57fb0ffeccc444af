using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// How a node takes part in data sync: which node is the canonical store (the coordinator), the
/// planner's <see cref="SyncPolicy"/>, and the protocol's timing and bounds. Immutable.
/// </summary>
public sealed record SyncConfig(NodeId CanonicalStore, SyncPolicy Policy)
{
    /// <summary>How often a node sends the leader its manifest digest (and its pending manifest changes become a delta).</summary>
    public Duration StatusInterval { get; init; } = Duration.FromSeconds(10);

    /// <summary>The leader plans at most this often while only manifests change; a failed transfer re-plans at once.</summary>
    public Duration PlanInterval { get; init; } = Duration.FromSeconds(5);

    /// <summary>After a transfer fails on a link (unreachable, stalled, corrupt) the planner avoids that direction this long.</summary>
    public Duration FailedLinkCooldown { get; init; } = Duration.FromMinutes(2);

    /// <summary>An ordered transfer with no report after this long is presumed lost and may be planned again.</summary>
    public Duration OrderTimeout { get; init; } = Duration.FromMinutes(30);

    /// <summary>
    /// A new leader orders no source cleanup for this long after it starts leading: whatever an earlier
    /// leader ordered has by then been executed and reported in the manifests it plans from, so two
    /// leaders never delete copies on the strength of each other's.
    /// </summary>
    public Duration CleanupGrace { get; init; } = Duration.FromMinutes(2);

    /// <summary>A manifest request unanswered this long is asked again.</summary>
    public Duration RequestTimeout { get; init; } = Duration.FromSeconds(30);

    /// <summary>How many recent deltas a node keeps to answer the leader without sending whole manifests.</summary>
    public int DeltaLogMax { get; init; } = 256;

    /// <summary>How many manifest pages one request is answered with.</summary>
    public int PagesPerRequestMax { get; init; } = 64;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Policy.Validate());
        if (StatusInterval <= Duration.Zero) errors.Add($"sync_status_interval must be positive (got {StatusInterval})");
        if (PlanInterval <= Duration.Zero) errors.Add($"sync_plan_interval must be positive (got {PlanInterval})");
        if (FailedLinkCooldown < Duration.Zero) errors.Add($"sync_failed_link_cooldown must not be negative (got {FailedLinkCooldown})");
        if (OrderTimeout <= StatusInterval) errors.Add($"sync_order_timeout ({OrderTimeout}) must exceed sync_status_interval ({StatusInterval})");
        if (CleanupGrace < StatusInterval + StatusInterval)
            errors.Add($"sync_cleanup_grace ({CleanupGrace}) must be at least twice sync_status_interval ({StatusInterval})");
        if (RequestTimeout <= Duration.Zero) errors.Add($"sync_request_timeout must be positive (got {RequestTimeout})");
        if (DeltaLogMax is < 1 or > 65_536) errors.Add($"sync_delta_log_max must be within 1..65536 (got {DeltaLogMax})");
        if (PagesPerRequestMax is < 1 or > 4096) errors.Add($"sync_pages_per_request_max must be within 1..4096 (got {PagesPerRequestMax})");
        return errors;
    }
}
