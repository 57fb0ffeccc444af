namespace RingRift.Kernel.Gossip;

/// <summary>What <see cref="GossipTable.Merge"/> did with an entry.</summary>
public enum MergeResult : byte
{
    /// <summary>The table had nothing for the node; the entry now fills a new row.</summary>
    Inserted = 0,

    /// <summary>The entry was newer than the row's and replaced it.</summary>
    Replaced = 1,

    /// <summary>The entry was not newer (stale, a duplicate, or about the table's owner); nothing changed.</summary>
    Unchanged = 2,

    /// <summary>The table is full and the node is new to it; nothing changed.</summary>
    Refused = 3,
}
