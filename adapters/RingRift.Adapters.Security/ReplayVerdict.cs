namespace RingRift.Adapters.Security;

/// <summary>What <see cref="ReplayGuard"/> decided about one authenticated message.</summary>
public enum ReplayVerdict
{
    Fresh,
    OutsideWindow,
    Replayed,
    GuardFull,
}
