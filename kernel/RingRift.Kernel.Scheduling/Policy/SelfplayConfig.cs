using System;
using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// One of the 12 selfplay configurations: a board type and a player count (2, 3 or 4). Its
/// <see cref="Key"/> ("square8_2p", "hexagonal_4p") is the string carried in <see cref="JobSpec.Config"/>
/// and in every report; its <see cref="Index"/> (0..11, the position in <see cref="All"/>) indexes
/// per-config arrays so that no decision depends on dictionary order.
/// </summary>
public readonly record struct SelfplayConfig(BoardType Board, int Players)
{
    /// <summary>How many configurations there are: 4 boards × 3 player counts.</summary>
    public const int Count = 12;

    /// <summary>The 12 configurations in fixed order: board by board (square8, square19, hex8, hexagonal), 2p, 3p, 4p.</summary>
    public static readonly ImmutableArray<SelfplayConfig> All = BuildAll();

    private static readonly string[] Keys = BuildKeys();

    /// <summary>True for the large boards, square19 and hexagonal.</summary>
    public bool IsLargeBoard => Board is BoardType.Square19 or BoardType.Hexagonal;

    /// <summary>True for one of the 12 real configurations (players 2..4, a defined board).</summary>
    public bool IsValid => Players is >= 2 and <= 4 && (uint)Board <= (uint)BoardType.Hexagonal;

    /// <summary>Position in <see cref="All"/>, 0..11. Precondition: <see cref="IsValid"/>.</summary>
    public int Index
    {
        get
        {
            Invariant.True(IsValid);
            return (int)Board * 3 + (Players - 2);
        }
    }

    /// <summary>The stable name, e.g. "square8_2p"; the original's board names, unabbreviated.</summary>
    public string Key => Keys[Index];

    /// <summary>Parses a <see cref="Key"/>; false for anything else (including other spellings).</summary>
    public static bool TryParse(string? key, out SelfplayConfig config)
    {
        if (key is not null)
        {
            for (var i = 0; i < Count; i++)
            {
                if (string.Equals(Keys[i], key, StringComparison.Ordinal))
                {
                    config = All[i];
                    return true;
                }
            }
        }
        config = default;
        return false;
    }

    public override string ToString() => IsValid ? Key : $"{Board}_{Players}p(invalid)";

    private static ImmutableArray<SelfplayConfig> BuildAll()
    {
        var builder = ImmutableArray.CreateBuilder<SelfplayConfig>(Count);
        for (var board = 0; board < 4; board++)
            for (var players = 2; players <= 4; players++)
                builder.Add(new SelfplayConfig((BoardType)board, players));
        return builder.MoveToImmutable();
    }

    private static string[] BuildKeys()
    {
        string[] names = ["square8", "square19", "hex8", "hexagonal"];
        var keys = new string[Count];
        for (var board = 0; board < 4; board++)
            for (var players = 2; players <= 4; players++)
                keys[board * 3 + players - 2] = names[board] + "_" + players.ToString(System.Globalization.CultureInfo.InvariantCulture) + "p";
        return keys;
    }
}
