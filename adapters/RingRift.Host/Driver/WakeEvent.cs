namespace RingRift.Host.Driver;

/// <summary>The deadline timer fired.</summary>
internal sealed record WakeEvent : HostEvent
{
    public static readonly WakeEvent Instance = new();
}
