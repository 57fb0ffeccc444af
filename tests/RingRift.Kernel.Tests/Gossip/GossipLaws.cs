using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Node;
using RingRift.Kernel.Tests.Support;

namespace RingRift.Kernel.Tests.Gossip;

/// <summary>The merge is a per-node maximum by stamp, and digests and deltas reconcile two tables within bounds.</summary>
public sealed class GossipLaws
{
    private static readonly Arbitrary<NodeStateEntry[]> Sets = GossipGen.EntrySets.ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Merge_IsCommutative() => Prop.ForAll(Sets, Sets, (a, b) =>
        Same(GossipGen.Table([.. a, .. b]), GossipGen.Table([.. b, .. a])));

    [Property(MaxTest = 300)]
    public Property Merge_IsAssociative() => Prop.ForAll(Sets, Sets, Sets, (a, b, c) =>
    {
        var left = GossipGen.Table(a);
        MergeInto(left, GossipGen.Table(b));
        MergeInto(left, GossipGen.Table(c));
        var rightTail = GossipGen.Table(b);
        MergeInto(rightTail, GossipGen.Table(c));
        var right = GossipGen.Table(a);
        MergeInto(right, rightTail);
        return Same(left, right);
    });

    [Property(MaxTest = 300)]
    public Property Merge_IsIdempotent() => Prop.ForAll(Sets, a =>
    {
        var once = GossipGen.Table(a);
        var twice = GossipGen.Table([.. a, .. a]);
        var version = once.Version;
        MergeInto(once, GossipGen.Table(a));
        return Same(once, twice) && once.Version == version;
    });

    /// <summary>Whatever the order, each node ends at its greatest stamp, and an older entry never changes a row.</summary>
    [Property(MaxTest = 300)]
    public Property Merge_NeverReplacesNewerWithOlder() => Prop.ForAll(Sets, a =>
    {
        var table = new GossipTable(1024, Duration.FromHours(1));
        var newest = new Dictionary<NodeId, VersionStamp>();
        foreach (var entry in a)
        {
            var result = table.Merge(entry, Instant.Zero);
            var had = newest.TryGetValue(entry.Node, out var held);
            if (had && entry.Stamp <= held && result != MergeResult.Unchanged) return false;
            if (!had || entry.Stamp > held) newest[entry.Node] = entry.Stamp;
            foreach (var (node, stamp) in newest)
                if (!table.TryGet(node, out var kept) || kept.Stamp != stamp) return false;
        }
        return table.Count == newest.Count;
    });

    /// <summary>
    /// A peer that repeatedly sends its digest, page by page, and merges the deltas it gets back ends
    /// up holding, for every node, at least what the other side holds, however small the caps.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Delta_ThenMerge_BringsPeerUpToDate() => Prop.ForAll(
        Sets, Sets, Gen.Choose(1, 4).ToArbitrary(), (mine, theirs, entriesMax) =>
        {
            var source = GossipGen.Table(mine);
            var peer = GossipGen.Table(theirs);
            const int digestBytes = DigestPage.HeaderBytesMax + DigestItem.EncodedBytesMax;
            for (var exchange = 0; exchange < 200; exchange++)
            {
                NodeId? after = null;
                var changed = false;
                do
                {
                    var page = peer.Page(after, null, digestBytes);
                    foreach (var entry in source.DeltaFor(page, entriesMax, 60 * 1024))
                        changed |= peer.Merge(entry, Instant.Zero) != MergeResult.Unchanged;
                    after = page.Through;
                }
                while (after is not null);
                if (!changed) break;
            }
            return source.Entries().All(e => peer.TryGet(e.Node, out var held) && held.Stamp >= e.Stamp);
        });

    /// <summary>A delta with its page, and a digest, stay within the configured payload whatever the entries.</summary>
    [Property(MaxTest = 100)]
    public Property Delta_NeverExceedsPayloadBound() => Prop.ForAll(
        GossipGen.BigEntrySets.ToArbitrary(), GossipGen.BigEntrySets.ToArbitrary(), (mine, theirs) =>
        {
            var config = Configs.Gossip with { PayloadBytesMax = 4096, DigestBytesMax = 1536, EntriesPerMessageMax = 64 };
            var source = GossipGen.Table(mine);
            var peer = GossipGen.Table(theirs);
            var page = peer.Page(null, null, config.DigestBytesMax);
            var answer = new GossipDelta(
                source.DeltaFor(page, config.EntriesPerMessageMax, config.EntriesBytesMax),
                source.Page(page.After, page.Through, config.DigestBytesMax));
            return EncodedLength(answer) <= config.PayloadBytesMax
                && EncodedLength(new GossipDigest(page)) <= config.DigestBytesMax + 1
                && (answer.Entries.Length > 0 || !source.Entries().Any(e => page.Covers(e.Node) && !Claims(page, e)));
        });

    /// <summary>The single merge pass agrees with the definition written out naively.</summary>
    [Property(MaxTest = 500)]
    public Property DeltaFor_MatchesItsDefinition() => Prop.ForAll(
        Sets, Sets, (from after in GossipGen.Bound from max in Gen.Choose(1, 5) select (after, max)).ToArbitrary(), (mine, theirs, cut) =>
        {
            var (after, entriesMax) = cut;
            var source = GossipGen.Table(mine);
            var page = GossipGen.Table(theirs).Page(after, null, 1000);
            var delta = source.DeltaFor(page, entriesMax, 60 * 1024, out var ahead);
            var wanted = source.Entries().Where(e => page.Covers(e.Node) && !Claims(page, e)).Take(entriesMax);
            var expectedAhead = page.Items.Any(item => !source.TryGet(item.Node, out var held) || held.Stamp < item.Stamp);
            return delta.SequenceEqual(wanted) && ahead == expectedAhead;
        });

    private static bool Claims(DigestPage page, NodeStateEntry entry) =>
        page.Items.Any(item => item.Node == entry.Node && item.Stamp >= entry.Stamp);

    private static void MergeInto(GossipTable target, GossipTable source)
    {
        foreach (var entry in source.Entries()) target.Merge(entry, Instant.Zero);
    }

    private static bool Same(GossipTable a, GossipTable b) => a.Entries().SequenceEqual(b.Entries());

    private static int EncodedLength(Message message)
    {
        var writer = new WireWriter();
        MessageCodec.Encode(message, writer);
        return writer.Length;
    }
}
