namespace RingRift.Simulator.Network;

/// <summary>What the network did with the messages it was given.</summary>
public sealed class NetworkCounters
{
    public long Sent { get; internal set; }
    public long DroppedBlocked { get; internal set; }
    public long DroppedNat { get; internal set; }
    public long DroppedLoss { get; internal set; }
    public long Duplicated { get; internal set; }
    public long Reordered { get; internal set; }
    public long Replayed { get; internal set; }

    public long Dropped => DroppedBlocked + DroppedNat + DroppedLoss;
}
