namespace RingRift.Kernel.Sync;

/// <summary>
/// Which end opens the connection of a transfer. Data always flows from source to target; a target
/// pulls when it can dial the source, and a source pushes only when nobody can dial it (a NAT-blocked
/// producer), because otherwise its games would be stranded on it for good.
/// </summary>
public enum TransferInitiator : byte
{
    /// <summary>The target dials the source and pulls (the normal case).</summary>
    Target = 0,

    /// <summary>The source dials the target and pushes.</summary>
    Source = 1,
}
