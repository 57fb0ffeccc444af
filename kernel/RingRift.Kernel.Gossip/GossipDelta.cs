using System.Collections.Immutable;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// Entries the receiver lacks or holds older, strictly increasing by node. As the answer to a
/// <see cref="GossipDigest"/> (sent as a response) it also carries the answerer's own page for the
/// same range when the digest showed the answerer behind, so the initiator can push back what is
/// missing; that push-back carries no page and is never answered, so an exchange ends there.
/// </summary>
public sealed record GossipDelta : Message
{
    /// <summary>A bound on decoded entry counts (a two-byte varint); configs stay below it.</summary>
    public const int EntriesWireMax = 1024;

    /// <summary>The tag, the entry count and the page's presence flag.</summary>
    public const int FramingBytesMax = 1 + 2 + 1;

    public GossipDelta(ImmutableArray<NodeStateEntry> entries, DigestPage? digest)
    {
        Invariant.True(!entries.IsDefault && entries.Length <= EntriesWireMax);
        Invariant.True(OutOfOrder(entries) is null);
        Entries = entries;
        Digest = digest;
    }

    public ImmutableArray<NodeStateEntry> Entries { get; }

    /// <summary>The answerer's page, present only in an answer that asks for a push-back.</summary>
    public DigestPage? Digest { get; }

    public override MessageKind Kind => MessageKind.GossipDelta;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarUInt64((ulong)Entries.Length);
        foreach (var entry in Entries) entry.Write(writer);
        writer.WriteBool(Digest is not null);
        Digest?.Write(writer);
    }

    public static GossipDelta Read(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(EntriesWireMax);
        var entries = ImmutableArray.CreateBuilder<NodeStateEntry>();
        for (var i = 0; i < count; i++) entries.Add(NodeStateEntry.Read(ref reader));
        var built = entries.DrainToImmutable();
        if (OutOfOrder(built) is { } node) throw new MalformedMessageException("delta entries out of order at " + node);
        var digest = reader.ReadBool() ? DigestPage.Read(ref reader) : null;
        return new GossipDelta(built, digest);
    }

    public bool Equals(GossipDelta? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || Digest != other.Digest || Entries.Length != other.Entries.Length) return false;
        for (var i = 0; i < Entries.Length; i++)
            if (!Entries[i].Equals(other.Entries[i])) return false;
        return true;
    }

    public override int GetHashCode() => System.HashCode.Combine(Entries.Length, Digest);

    /// <summary>The first node not strictly after its predecessor, or null when the order is canonical.</summary>
    private static NodeId? OutOfOrder(ImmutableArray<NodeStateEntry> entries)
    {
        for (var i = 1; i < entries.Length; i++)
            if (entries[i].Node <= entries[i - 1].Node) return entries[i].Node;
        return null;
    }
}
