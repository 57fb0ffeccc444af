using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The 12 selfplay configs in their fixed pipeline order (board square8, square19, hex8, hexagonal ×
/// 2, 3, 4 players), as the job book and the pipeline snapshot index them. A stand-in for the policy's
/// config table until both are merged; the names are the wire names used everywhere ("hex8_3p").
/// </summary>
public static class BoardConfigs
{
    public static readonly ImmutableArray<string> Names =
    [
        "square8_2p", "square8_3p", "square8_4p", "square19_2p", "square19_3p", "square19_4p",
        "hex8_2p", "hex8_3p", "hex8_4p", "hexagonal_2p", "hexagonal_3p", "hexagonal_4p",
    ];

    /// <summary>The queue's base priority per config (the original's get_config_priorities table).</summary>
    public static readonly ImmutableArray<int> BasePriority = [5, 4, 4, 4, 7, 7, 5, 6, 6, 5, 8, 8];

    public static int Count => Names.Length;

    /// <summary>The config's index, or −1 for a name outside the table.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Length; i++)
            if (string.Equals(Names[i], name, System.StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>square19 and hexagonal: larger boards, longer training caps.</summary>
    public static bool IsLargeBoard(int index) => index is >= 3 and <= 5 or >= 9;
}
