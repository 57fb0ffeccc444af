namespace RingRift.Kernel.Gossip;

/// <summary>The one probe a node has open per protocol period: its target, its sequence, and the indirect round's tally.</summary>
internal sealed class SwimProbe
{
    public SwimMember? Target { get; private set; }
    public long Sequence { get; private set; }
    public Instant IndirectAt { get; private set; }
    public bool IndirectSent { get; set; }
    public int NacksExpected { get; set; }
    public int NacksReceived { get; set; }
    public bool IsOpen => Target is not null;

    /// <summary>True while the direct wait is running: the probe needs a step at <see cref="IndirectAt"/>.</summary>
    public bool AwaitsIndirect => IsOpen && !IndirectSent;

    public void Start(SwimMember target, long sequence, Instant indirectAt)
    {
        Target = target;
        Sequence = sequence;
        IndirectAt = indirectAt;
        IndirectSent = false;
        NacksExpected = 0;
        NacksReceived = 0;
    }

    public void Close() => Target = null;
}
