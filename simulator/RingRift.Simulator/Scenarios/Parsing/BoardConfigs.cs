using System.Collections.Immutable;
using System.Linq;

namespace RingRift.Simulator.Scenarios.Parsing;

/// <summary>The 12 game configurations: board {square8, square19, hex8, hexagonal} × players {2, 3, 4}, e.g. "hex8_3p".</summary>
public static class BoardConfigs
{
    public static readonly ImmutableArray<string> Boards = ["square8", "square19", "hex8", "hexagonal"];

    public static readonly ImmutableArray<string> Names =
        Boards.SelectMany(board => new[] { 2, 3, 4 }.Select(players => $"{board}_{players}p")).ToImmutableArray();
}
