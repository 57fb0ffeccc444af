using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using RingRift.Kernel.Gossip;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// Gossip values for tests and FsCheck. Entries are a pure function of their (node, incarnation,
/// version), as a node's own entries are by construction, so equal stamps always mean equal entries.
/// </summary>
internal static class GossipGen
{
    /// <summary>A few node ids, so that generated entries collide on nodes; two are not ASCII.</summary>
    public static readonly string[] Names = ["a", "b", "c", "d", "e", "f", "node-é", "ü"];

    public static NodeStateEntry Entry(string node, long incarnation, long version) =>
        Entry(new NodeId(node), incarnation, version);

    public static NodeStateEntry Entry(NodeId node, long incarnation, long version)
    {
        var h = StableHash.Of(node.Value) ^ unchecked((ulong)(incarnation * 1_000_003 + version));
        var load = new NodeLoad(
            (int)(h % 100), (int)(h / 100 % 10), (int)(h / 1000 % 3),
            new ResourceSample(new Ratio((int)(h % 10_001)), new Ratio((int)(h / 7 % 10_001)), Ratio.Zero,
                new ByteSize((long)(h % 1_000_000_000)), GpuHealth.Healthy));
        var leader = (h & 1) == 0 ? (NodeId?)null : new NodeId("leader-" + (h % 3));
        return new NodeStateEntry(node, incarnation, version, new NodeSummary(load, h, leader, incarnation));
    }

    public static readonly Gen<NodeStateEntry> Entries =
        from name in Gen.Elements(Names)
        from incarnation in Gen.Choose(0, 3)
        from version in Gen.Choose(0, 6)
        select Entry(name, incarnation, version);

    public static readonly Gen<NodeStateEntry[]> EntrySets = Gen.ArrayOf(Entries);

    /// <summary>Entries of up to 80 distinct nodes with ids up to 256 bytes and the largest summaries.</summary>
    public static readonly Gen<NodeStateEntry[]> BigEntrySets = Gen.ArrayOf(
        from index in Gen.Choose(0, 79)
        from idLength in Gen.Choose(1, 250)
        from version in Gen.Choose(0, 3)
        select Big(index, idLength, version));

    /// <summary>A node id of about <paramref name="idLength"/> bytes (its length fixed by the index) with a maximal summary.</summary>
    public static NodeStateEntry Big(int index, int idLength, long version)
    {
        var id = new NodeId(index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + new string('x', (index * 37 + idLength % 7) % 250));
        var load = new NodeLoad(10_000, 10_000, 10_000,
            new ResourceSample(Ratio.One, Ratio.One, Ratio.One, new ByteSize(long.MinValue), GpuHealth.Misdetected));
        return new NodeStateEntry(id, long.MaxValue - 3 + version % 3, version,
            new NodeSummary(load, ulong.MaxValue, new NodeId(new string('l', 256)), long.MaxValue));
    }

    /// <summary>A table holding <paramref name="entries"/>, merged at time zero.</summary>
    public static GossipTable Table(NodeStateEntry[] entries, int capacity = 1024)
    {
        var table = new GossipTable(capacity, Duration.FromHours(1));
        foreach (var entry in entries) table.Merge(entry, Instant.Zero);
        return table;
    }

    public static readonly Gen<NodeId?> Bound = Gen.OneOf(
        Gen.Constant((NodeId?)null),
        Gen.Elements(Names).Select(name => (NodeId?)new NodeId(name)));

    public static readonly Gen<DigestItem[]> SortedItems =
        from entries in EntrySets
        select SortedDistinct(entries);

    public static readonly Gen<GossipDigest> Digest =
        from items in SortedItems
        select new GossipDigest(new DigestPage(null, null, ImmutableArray.Create(items)));

    public static readonly Gen<GossipDelta> Delta =
        from entries in EntrySets
        from items in SortedItems
        from withPage in WireGen.Bool
        select new GossipDelta(
            Table(entries).Entries(),
            withPage ? new DigestPage(null, null, ImmutableArray.Create(items)) : null);

    private static DigestItem[] SortedDistinct(NodeStateEntry[] entries)
    {
        var table = Table(entries);
        var live = table.Entries();
        var items = new DigestItem[live.Length];
        for (var i = 0; i < live.Length; i++) items[i] = live[i].Item;
        return items;
    }
}
