using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>
/// The planner's guarantees as laws over random clusters (<see cref="SyncScenario"/>). Each law is
/// checked on a first plan and on a re-plan that has half of the first plan's transfers in flight.
/// </summary>
public sealed class SyncPlannerLaws
{
    private const int Tests = 300;

    /// <summary>The scenario's snapshot with every other transfer of its first plan running, and the plan made on it.</summary>
    private static (ClusterSnapshot Snapshot, SyncPlan Plan) Replan(SyncScenario s)
    {
        var first = SyncPlanner.Plan(s.Snapshot(), s.Orders, s.Policy);
        var snapshot = s.Snapshot(first.Transfers.Where((_, i) => i % 2 == 0));
        return (snapshot, SyncPlanner.Plan(snapshot, s.Orders, s.Policy));
    }

    private static IEnumerable<(ClusterSnapshot Snapshot, SyncPlan Plan)> Both(SyncScenario s)
    {
        var snapshot = s.Snapshot();
        yield return (snapshot, SyncPlanner.Plan(snapshot, s.Orders, s.Policy));
        yield return Replan(s);
    }

    private static NodeSnapshot NodeOf(ClusterSnapshot snapshot, NodeId id) => snapshot.Nodes[snapshot.IndexOf(id)];

    [Property(MaxTest = Tests)]
    public Property Plan_NeverPullsFromANodeLackingTheFile() => Prop.ForAll(SyncScenario.Any, s => Both(s).All(r =>
        r.Plan.Transfers.All(t =>
            NodeOf(r.Snapshot, t.Source) is { Alive: true } source && source.Manifest.Holds(t.Path, t.Hash) &&
            !NodeOf(r.Snapshot, t.Target).Manifest.Holds(t.Path, t.Hash))));

    [Property(MaxTest = Tests)]
    public Property Plan_NeverPullsAgainstReachability() => Prop.ForAll(SyncScenario.Any, s => Both(s).All(r =>
        r.Plan.Transfers.All(t => t.Initiator == TransferInitiator.Target
            ? r.Snapshot.CanDial(t.Target, t.Source)
            : s.Policy.PushAllowed && r.Snapshot.CanDial(t.Source, t.Target) && !r.Snapshot.CanDial(t.Target, t.Source))));

    [Property(MaxTest = Tests)]
    public Property Plan_NeverExceedsTransferBounds() => Prop.ForAll(SyncScenario.Any, s => Both(s).All(r =>
    {
        var all = r.Snapshot.InFlight.Concat(r.Plan.Transfers).ToList();
        var policy = s.Policy;
        return r.Plan.Transfers.Length <= policy.PlanTransfersMax &&
            all.GroupBy(t => t.Target).All(g => g.Count() <= policy.PullsPerTargetMax) &&
            all.GroupBy(t => t.Source).All(g => g.Count() <= policy.ServesPerSourceMax) &&
            all.GroupBy(t => (t.Source, t.Target)).All(g => g.Count() <= policy.TransfersPerLinkMax);
    }));

    /// <summary>No (file, target) is planned twice or beside a running transfer; a chunked file's ranges tile it exactly.</summary>
    [Property(MaxTest = Tests)]
    public Property Plan_NeverPullsAFileTwice() => Prop.ForAll(SyncScenario.Any, s => Both(s).All(r =>
    {
        var running = r.Snapshot.InFlight.Select(t => (t.Target, t.Path, t.Hash)).ToHashSet();
        return r.Plan.Transfers.GroupBy(t => (t.Target, t.Path, t.Hash)).All(g =>
        {
            var ranges = g.OrderBy(t => t.OffsetBytes).ToList();
            var next = 0L;
            foreach (var range in ranges)
            {
                if (range.OffsetBytes != next || range.LengthBytes < 0) return false;
                next += range.LengthBytes;
            }
            return !running.Contains(g.Key) && next == ranges[0].FileSize.Bytes &&
                ranges.Select(t => t.Source).Distinct().Count() == ranges.Count;
        });
    }));

    [Property(MaxTest = Tests)]
    public Property Plan_IsDeterministic() => Prop.ForAll(SyncScenario.Any, Gen.Choose(0, 1000).ToArbitrary(), (s, shuffle) =>
    {
        var (snapshot, plan) = Replan(s);
        var shuffled = s.Shuffled(shuffle);
        var inFlight = SyncScenario.Shuffle(snapshot.InFlight.ToList(), new Prng((ulong)shuffle));
        var again = SyncPlanner.Plan(shuffled.Snapshot(inFlight), shuffled.Orders, s.Policy);
        return plan.Transfers.SequenceEqual(again.Transfers) && plan with { Transfers = again.Transfers } == again;
    });

    /// <summary>A re-plan on a snapshot derived with other transfers in flight, sharing the file index, equals one on a fresh snapshot.</summary>
    [Property(MaxTest = Tests)]
    public Property Replan_OnASharedIndex_EqualsAPlanFromScratch() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var snapshot = s.Snapshot();
        var first = SyncPlanner.Plan(snapshot, s.Orders, s.Policy);
        var running = first.Transfers.Skip(1).ToList();
        var shared = SyncPlanner.Plan(snapshot.WithInFlight(running), s.Orders, s.Policy);
        var fresh = SyncPlanner.Plan(s.Snapshot(running), s.Orders, s.Policy);
        return shared.Transfers.SequenceEqual(fresh.Transfers) && shared with { Transfers = fresh.Transfers } == fresh;
    });

    /// <summary>
    /// Priorities never decrease along the plan, and lower priorities never change what higher ones
    /// get: the plan made for the model orders alone is the model prefix of the full plan, and the plan
    /// for all orders without replication is its order prefix.
    /// </summary>
    [Property(MaxTest = Tests)]
    public Property Plan_PromotedModelsComeFirst() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var snapshot = s.Snapshot();
        var full = SyncPlanner.Plan(snapshot, s.Orders, s.Policy).Transfers;
        var ordersOnly = s.Policy with { ReplicateGames = false };
        var models = SyncPlanner.Plan(snapshot, s.Orders.Where(o => o.Priority == SyncPriority.PromotedModel).ToList(), ordersOnly).Transfers;
        var orders = SyncPlanner.Plan(snapshot, s.Orders, ordersOnly).Transfers;
        var sorted = full.Zip(full.Skip(1)).All(p => p.First.Priority <= p.Second.Priority);
        return sorted &&
            full.TakeWhile(t => t.Priority == SyncPriority.PromotedModel).SequenceEqual(models) &&
            full.TakeWhile(t => t.Priority != SyncPriority.GameReplication).SequenceEqual(orders);
    });

    [Property(MaxTest = Tests)]
    public Property Plan_NeverTargetsANodeAboveCriticalDisk() => Prop.ForAll(SyncScenario.Any, s => Both(s).All(r =>
        r.Plan.Transfers.GroupBy(t => t.Target).All(g =>
        {
            var node = NodeOf(r.Snapshot, g.Key);
            var arriving = g.Sum(t => t.LengthBytes) + r.Snapshot.InFlight.Where(t => t.Target == g.Key).Sum(t => t.LengthBytes);
            return s.Policy.Disk.Level(node.DiskTotal, node.DiskFree) != DiskLevel.Critical &&
                arriving <= s.Policy.Disk.Headroom(node.DiskTotal, node.DiskFree).Bytes;
        })));

    /// <summary>
    /// Liveness on a healed cluster (all alive, no cuts, room everywhere): planning and completing
    /// the transfers again and again settles, and then every order is met and every game is on the
    /// canonical store and at least two other nodes.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Plans_RepeatedUntilQuiet_MakeEveryGameDurable() => Prop.ForAll(SyncScenario.Any, s =>
    {
        var nodes = s.Nodes.Select(n => n with
        {
            Alive = true, NatBlocked = false, StoresReplicas = true, DiskTotal = new ByteSize(1_000_000), DiskFree = new ByteSize(1_000_000),
        }).ToList();
        var canonical = nodes[0].Node;
        var policy = s.Policy with { ReplicateGames = true };
        for (var round = 0; round < 500; round++)
        {
            var plan = SyncPlanner.Plan(ClusterSnapshot.Create(nodes, canonical), s.Orders, policy);
            if (plan.Transfers.IsEmpty) return Settled(ClusterSnapshot.Create(nodes, canonical), s.Orders);
            nodes = SyncSettle.Complete(nodes, plan.Transfers);
        }
        return false;
    });

    /// <summary>
    /// Of several orders for one (target, path) the first by precedence is met (or nobody holds its
    /// file any more). A game path held in one version only is on the canonical store and on as many
    /// other nodes as the policy asks, or on every other node without another version of it.
    /// </summary>
    private static bool Settled(ClusterSnapshot snapshot, List<FileOrder> orders)
    {
        var first = orders
            .OrderBy(o => o.Priority).ThenBy(o => o.Target).ThenBy(o => o.Path, System.StringComparer.Ordinal).ThenBy(o => o.Hash)
            .GroupBy(o => (o.Target, o.Path)).Select(g => g.First());
        var ordersMet = first.All(o =>
            snapshot.Nodes[snapshot.IndexOf(o.Target)].Manifest.Holds(o.Path, o.Hash) ||
            !snapshot.Nodes.Any(n => n.Manifest.Holds(o.Path, o.Hash)));
        var games = snapshot.Nodes.SelectMany(n => n.Manifest.Entries).Where(e => e.Kind == FileKind.GameDb)
            .GroupBy(e => e.Path).Where(g => g.Select(e => e.Hash).Distinct().Count() == 1).Select(g => g.First());
        var others = snapshot.Nodes.Where(n => n.Node != snapshot.CanonicalStore).ToList();
        return ordersMet && games.All(g =>
            snapshot.Nodes[snapshot.CanonicalIndex].Manifest.Holds(g.Path, g.Hash) &&
            others.Count(n => n.Manifest.Holds(g.Path, g.Hash)) >= System.Math.Min(2, others.Count));
    }
}
