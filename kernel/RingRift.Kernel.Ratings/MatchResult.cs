namespace RingRift.Kernel.Ratings;

/// <summary>
/// One rated match series (a gauntlet): <see cref="Player"/> against <see cref="Opponent"/> in
/// <see cref="Config"/>, with the player's wins, draws and losses. <see cref="Id"/> names it cluster-wide
/// (the gauntlet's job id), so the same series arriving twice is merged once. Immutable; ordered by id,
/// then by content, so that two different series under one id still merge the same way everywhere.
/// </summary>
public sealed record MatchResult(string Id, string Config, string Player, string Opponent, int Wins, int Draws, int Losses)
    : System.IComparable<MatchResult>
{
    public const int TextBytesMax = 128;
    public const int GamesMax = 10_000;

    public int Games => Wins + Draws + Losses;

    public int CompareTo(MatchResult? other)
    {
        if (other is null) return 1;
        var c = string.CompareOrdinal(Id, other.Id);
        if (c == 0) c = string.CompareOrdinal(Config, other.Config);
        if (c == 0) c = string.CompareOrdinal(Player, other.Player);
        if (c == 0) c = string.CompareOrdinal(Opponent, other.Opponent);
        if (c == 0) c = Wins.CompareTo(other.Wins);
        if (c == 0) c = Draws.CompareTo(other.Draws);
        return c != 0 ? c : Losses.CompareTo(other.Losses);
    }

    public bool IsValid =>
        Id.Length is > 0 and <= TextBytesMax / 4 && Config.Length <= TextBytesMax / 4 && Player.Length is > 0 and <= TextBytesMax / 4
        && Opponent.Length is > 0 and <= TextBytesMax / 4 && Player != Opponent
        && Wins >= 0 && Draws >= 0 && Losses >= 0 && Games is > 0 and <= GamesMax;

    public void Write(WireWriter writer)
    {
        Invariant.True(IsValid);
        writer.WriteString(Id, TextBytesMax);
        writer.WriteString(Config, TextBytesMax);
        writer.WriteString(Player, TextBytesMax);
        writer.WriteString(Opponent, TextBytesMax);
        writer.WriteVarUInt64((ulong)Wins);
        writer.WriteVarUInt64((ulong)Draws);
        writer.WriteVarUInt64((ulong)Losses);
    }

    public static MatchResult Read(ref WireReader reader)
    {
        var match = new MatchResult(
            reader.ReadString(TextBytesMax), reader.ReadString(TextBytesMax), reader.ReadString(TextBytesMax), reader.ReadString(TextBytesMax),
            reader.ReadBoundedInt(GamesMax), reader.ReadBoundedInt(GamesMax), reader.ReadBoundedInt(GamesMax));
        if (!match.IsValid) throw new MalformedMessageException("invalid match result " + match.Id);
        return match;
    }
}
