using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// Gossip timing and bounds. Every <see cref="Interval"/> (stretched by a seeded ×[1.0, 1.5) jitter,
/// as the original) a node sends one digest page to <see cref="Fanout"/> peers; every
/// <see cref="AntiEntropyInterval"/> (same jitter) its whole digest to one random peer. A node
/// republishes its own entry at least every <see cref="RefreshInterval"/>, so that entries of nodes
/// not heard of for <see cref="EntryTtl"/> can be dropped without dropping quiet but live ones.
/// The table holds at most <see cref="EntriesMax"/> nodes. A delta carries at most
/// <see cref="EntriesPerMessageMax"/> entries, and every gossip message is at most
/// <see cref="PayloadBytesMax"/> bytes, of which a digest page takes at most <see cref="DigestBytesMax"/>.
/// </summary>
public sealed record GossipConfig(
    Duration Interval,
    Duration AntiEntropyInterval,
    int Fanout,
    Duration RefreshInterval,
    Duration EntryTtl,
    int EntriesMax,
    int EntriesPerMessageMax,
    int PayloadBytesMax,
    int DigestBytesMax)
{
    /// <summary>
    /// The original's interval and anti-entropy period (10 s, 120 s). Fanout is 3, not its 7 or 10,
    /// because heartbeats already reach every peer directly. Every refresh changes every table in
    /// the cluster (n² changes per refresh interval), which makes refreshes the main cost of gossip in
    /// a quiet cluster: with the original's 480 s TTL (refresh 180 s) gossip costs a 36-node run
    /// about twice what a 30-minute TTL with a 10-minute refresh does. The TTL only collects the
    /// entries of departed nodes (liveness is membership's), so the cheaper pair is the default,
    /// on the scale of the original's one-hour purge of retired peers. 60 KiB stays under the
    /// codec's 64 KiB.
    /// </summary>
    public static readonly GossipConfig Default = new(
        Interval: Duration.FromSeconds(10),
        AntiEntropyInterval: Duration.FromSeconds(120),
        Fanout: 3,
        RefreshInterval: Duration.FromMinutes(10),
        EntryTtl: Duration.FromMinutes(30),
        EntriesMax: 1024,
        EntriesPerMessageMax: 256,
        PayloadBytesMax: 60 * 1024,
        DigestBytesMax: 24 * 1024);

    /// <summary>What is left of a delta's payload for entries once its page and framing are counted.</summary>
    public int EntriesBytesMax => PayloadBytesMax - DigestBytesMax - GossipDelta.FramingBytesMax;

    /// <summary>Every inconsistency, each naming the fields involved; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Interval <= Duration.Zero) errors.Add($"gossip_interval must be positive (got {Interval})");
        if (AntiEntropyInterval < Interval)
            errors.Add($"anti_entropy_interval ({AntiEntropyInterval}) must be at least gossip_interval ({Interval})");
        if (Fanout < 1) errors.Add($"gossip_fanout must be at least 1 (got {Fanout})");
        if (RefreshInterval < Interval)
            errors.Add($"gossip_refresh_interval ({RefreshInterval}) must be at least gossip_interval ({Interval})");
        // A live node's entry must outlast one lost refresh and the anti-entropy exchange that repairs it.
        if (EntryTtl < RefreshInterval * 2 + AntiEntropyInterval)
            errors.Add($"gossip_entry_ttl ({EntryTtl}) must be at least twice gossip_refresh_interval ({RefreshInterval}) plus anti_entropy_interval ({AntiEntropyInterval})");
        if (EntriesMax < 1) errors.Add($"gossip_entries_max must be at least 1 (got {EntriesMax})");
        if (EntriesPerMessageMax < 1 || EntriesPerMessageMax > GossipDelta.EntriesWireMax)
            errors.Add($"gossip_entries_per_message_max must be within 1..{GossipDelta.EntriesWireMax} (got {EntriesPerMessageMax})");
        AddPayloadErrors(errors);
        return errors;
    }

    /// <summary>Every page must hold at least one item and every delta at least one entry, or gossip could stall.</summary>
    private void AddPayloadErrors(List<string> errors)
    {
        const int pageMin = DigestPage.HeaderBytesMax + DigestItem.EncodedBytesMax;
        if (DigestBytesMax < pageMin)
            errors.Add($"gossip_digest_bytes_max must be at least {pageMin}, one digest item at its largest (got {DigestBytesMax})");
        // In long: a config is validated before anything trusts its fields to be sane.
        if ((long)PayloadBytesMax - DigestBytesMax - GossipDelta.FramingBytesMax < NodeStateEntry.EncodedBytesMax)
            errors.Add($"gossip_payload_bytes_max ({PayloadBytesMax}) must leave room for one entry of {NodeStateEntry.EncodedBytesMax} bytes beside a digest page of gossip_digest_bytes_max ({DigestBytesMax})");
    }
}
