using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The pure sync planner: cluster snapshot + orders + policy → transfers. Wants are served by
/// priority — ordered promoted models, then ordered training inputs, then game replication (every
/// game to the canonical store and <see cref="SyncPolicy.ReplicasMin"/> other nodes) — and each
/// gets the best sources the bounds allow. Guarantees, each tested as a law:
/// <list type="bullet">
/// <item>a transfer's source holds the file (same path and hash) and is alive;</item>
/// <item>its initiator can dial the other end (targets pull; a source pushes only when no target can dial it);</item>
/// <item>per-target, per-source, per-link and per-plan bounds hold, counting transfers in flight;</item>
/// <item>no transfer goes to a node that would pass its critical disk level;</item>
/// <item>higher priorities are never displaced by lower ones: removing lower-priority wants leaves the plan's prefix unchanged;</item>
/// <item>equal inputs give equal plans, whatever order nodes, cuts, transfers or orders were given in.</item>
/// </list>
/// Cost: one pass over every manifest entry to build the file index (once per snapshot: a re-plan on
/// <see cref="ClusterSnapshot.WithInFlight"/> reuses it, and so does a leader's next snapshot while no
/// manifest changed, <see cref="ClusterSnapshot.SharingIndexWith"/>), then work per want examined; the pass stops
/// early once no slot is left anywhere.
/// </summary>
public static class SyncPlanner
{
    public static SyncPlan Plan(ClusterSnapshot snapshot, IReadOnlyList<FileOrder> orders, SyncPolicy policy)
    {
        Invariant.True(policy.Validate().Count == 0);
        var run = new PlanRun(snapshot, policy, snapshot.Index);
        var sorted = new FileOrder[orders.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            Invariant.True(orders[i].Priority != SyncPriority.GameReplication);
            sorted[i] = orders[i];
        }
        Array.Sort(sorted, OrderPrecedence.Instance);
        var served = new HashSet<(NodeId, string)>();
        foreach (var order in sorted)
        {
            if (!served.Add((order.Target, order.Path))) run.CountConflict();
            else if (!run.Ledger.Exhausted) run.PlanOrder(order);
        }
        if (policy.ReplicateGames) run.ReplicateGames();
        return run.Result();
    }

    /// <summary>Priority first, then target, path and hash, all ordinal: a total order on orders.</summary>
    private sealed class OrderPrecedence : IComparer<FileOrder>
    {
        public static readonly OrderPrecedence Instance = new();

        public int Compare(FileOrder? x, FileOrder? y)
        {
            var order = x!.Priority.CompareTo(y!.Priority);
            if (order == 0) order = x.Target.CompareTo(y.Target);
            if (order == 0) order = string.CompareOrdinal(x.Path, y.Path);
            return order != 0 ? order : x.Hash.CompareTo(y.Hash);
        }
    }
}
