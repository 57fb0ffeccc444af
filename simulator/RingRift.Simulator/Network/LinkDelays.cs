using RingRift.Kernel;

namespace RingRift.Simulator.Network;

/// <summary>
/// Extra one-way delay on every message to or from a node, growing by a fixed amount an hour (the
/// <c>link_delay</c> verb): a link that slowly degrades. Zero everywhere until a verb names the node.
/// </summary>
internal sealed class LinkDelays(int nodeCount)
{
    private static readonly long Hour = Duration.FromHours(1).Micros;
    private readonly long[] _base = new long[nodeCount];
    private readonly long[] _since = new long[nodeCount];
    private readonly long[] _perHour = new long[nodeCount];

    public long ExtraMicros(long now, int node) => _base[node] + _perHour[node] * (now - _since[node]) / Hour;

    /// <summary>From <paramref name="now"/> the node's extra delay starts at <paramref name="level"/> (its current one if null) and grows by <paramref name="perHour"/>.</summary>
    public void Set(long now, int node, Duration perHour, Duration? level)
    {
        _base[node] = level?.Micros ?? ExtraMicros(now, node);
        _since[node] = now;
        _perHour[node] = perHour.Micros;
    }

    public bool Growing(int node) => _perHour[node] > 0;
}
