namespace RingRift.Kernel;

/// <summary>
/// A peer's lifecycle as one observer sees it: Alive → Suspect → Dead → Retired, back to Alive on
/// hearing from it again. Suspect peers still count as members; Retired peers are kept but ignored.
/// </summary>
public enum MemberState : byte
{
    Alive = 0,
    Suspect = 1,
    Dead = 2,
    Retired = 3,
}
