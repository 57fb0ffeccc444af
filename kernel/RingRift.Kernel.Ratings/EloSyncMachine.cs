namespace RingRift.Kernel.Ratings;

/// <summary>
/// Keeps this node's copy of the cluster's <see cref="EloTable"/> and replicates it by anti-entropy with the
/// leader. The leader records match results. Every <see cref="SyncInterval"/> each other node offers its
/// table's count and digest to the leader it follows (a connection it opens, so NAT-blocked nodes take part);
/// a leader whose table differs answers on that connection with its results, page by page as the node asks
/// for more, and asks for the node's own, so results only one side holds reach the other. Merging is
/// idempotent and the ratings are a function of the set, so all nodes holding the same results answer the
/// same ratings. Single-threaded.
/// </summary>
public sealed class EloSyncMachine(Duration syncInterval, Outbox outbox)
{
    private Instant _nextOffer = Instant.MaxValue;

    public Duration SyncInterval => syncInterval;

    public EloTable Table { get; } = new();

    /// <summary>When this node offers next; <see cref="Instant.MaxValue"/> while it follows no other node.</summary>
    public Instant NextDeadline => _nextOffer;

    /// <summary>A result the leader learned (a gauntlet's); merged once per id.</summary>
    public void Record(MatchResult match) => Table.Merge(match);

    /// <summary>Offers the table to <paramref name="leader"/> when the interval is due; null (or this node) stops the timer.</summary>
    public void Tick(Instant now, NodeId? leader)
    {
        if (leader is not { } target)
        {
            _nextOffer = Instant.MaxValue;
            return;
        }
        if (_nextOffer == Instant.MaxValue) _nextOffer = now + syncInterval;
        if (now < _nextOffer) return;
        _nextOffer = now + syncInterval;
        outbox.Send(new Outbound(target, new EloOffer(Table.Count, Table.Digest, IsAnswer: false)));
    }

    /// <summary>A differing offer is answered with this node's first page (on the same connection) and a request for the sender's.</summary>
    public void OnOffer(NodeId from, EloOffer offer)
    {
        if (offer.Count == Table.Count && offer.Digest == Table.Digest) return;
        SendPage(from, null);
        if (!offer.IsAnswer) outbox.Send(new Outbound(from, new EloRequest("")));
    }

    public void OnRequest(NodeId from, EloRequest request) => SendPage(from, request.AfterId.Length == 0 ? null : request.AfterId);

    public void OnResults(NodeId from, EloResults results)
    {
        foreach (var match in results.Results) Table.Merge(match);
        if (results.More && results.Results.Length > 0) outbox.Send(new Outbound(from, new EloRequest(results.Results[^1].Id)));
    }

    private void SendPage(NodeId to, string? afterId)
    {
        var page = Table.Page(afterId, EloResults.PageMax + 1);
        var more = page.Length > EloResults.PageMax;
        var results = more ? page.RemoveAt(EloResults.PageMax) : page;
        outbox.Send(new Outbound(to, new EloResults(results, more), IsResponse: true));
    }
}
