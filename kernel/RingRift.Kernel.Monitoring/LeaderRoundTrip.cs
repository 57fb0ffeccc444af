namespace RingRift.Kernel.Monitoring;

/// <summary>
/// Times each alert report's round trip to the leader: the report goes out every sample interval and the
/// leader echoes its sequence at once. The delay sampled is the newest answered round trip, or, while a
/// report stays unanswered for longer than one sample interval, how much longer (a silent leader shows as a
/// rising delay, a single lost report does not). A new leader, or a stall of this node's own steps, starts
/// over: a round trip that spans the node's own stall measures the node, not the link. Single-threaded.
/// </summary>
public sealed class LeaderRoundTrip(Duration sampleInterval)
{
    private const int Remembered = 8;
    private readonly Instant[] _sentAt = new Instant[Remembered];
    private NodeId? _leader;
    private long _sent, _answered;
    private Instant _waitingSince;
    private Duration? _last;

    /// <summary>The delay to report now, or null when nothing was sent to <paramref name="leader"/> yet.</summary>
    public Duration? Sample(Instant now, NodeId leader)
    {
        if (_leader != leader) Reset(leader);
        if (_answered >= _sent) return _last;
        var waiting = Duration.Max(Duration.Zero, now - _waitingSince - sampleInterval);
        return _last is { } last ? Duration.Max(last, waiting) : waiting;
    }

    /// <summary>Records that the report numbered <paramref name="sequence"/> leaves now, to the leader last sampled.</summary>
    public void OnSent(Instant now, long sequence)
    {
        if (_answered >= _sent) _waitingSince = now;
        _sent = sequence;
        _sentAt[sequence % Remembered] = now;
    }

    public void OnAck(Instant now, AlertReportAck ack)
    {
        if (ack.Sequence <= _answered || ack.Sequence > _sent || _sent - ack.Sequence >= Remembered) return;
        _answered = ack.Sequence;
        _last = now - _sentAt[ack.Sequence % Remembered];
        if (_answered < _sent) _waitingSince = _sentAt[(_answered + 1) % Remembered];
    }

    /// <summary>This node's own steps stalled: what it measured across the stall is forgotten.</summary>
    public void OnLocalStall() => Reset(_leader);

    private void Reset(NodeId? leader)
    {
        _leader = leader;
        _answered = _sent;
        _last = null;
    }
}
