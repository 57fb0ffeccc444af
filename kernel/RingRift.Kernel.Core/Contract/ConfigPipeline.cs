namespace RingRift.Kernel;

/// <summary>
/// One board config's place in the training loop. Generations count trained models (1, 2, …);
/// <see cref="Candidate"/> &gt; <see cref="Evaluated"/> means a trained model awaits its gauntlet, and
/// <see cref="Promoted"/> &gt; <see cref="Distributed"/> a promoted model awaits distribution. The leader
/// derives every next step from these numbers (state-based), so a lost message delays a step but never
/// drops it. <see cref="Games"/> counts selfplay games reported; <see cref="GamesAtTraining"/> the count
/// when the last training was dispatched. <see cref="Elo"/> is the promoted model's rating estimate.
/// </summary>
public readonly record struct ConfigPipeline(
    long Games,
    long GamesAtTraining,
    long Candidate,
    long Evaluated,
    long Promoted,
    long Distributed,
    long PromotedAtVersion,
    int Elo)
{
    public static readonly ConfigPipeline Start = new(0, 0, 0, 0, 0, 0, 0, 1200);

    /// <summary>Fields in declaration order as variable-length integers.</summary>
    public void Write(WireWriter writer)
    {
        writer.WriteVarInt64(Games);
        writer.WriteVarInt64(GamesAtTraining);
        writer.WriteVarInt64(Candidate);
        writer.WriteVarInt64(Evaluated);
        writer.WriteVarInt64(Promoted);
        writer.WriteVarInt64(Distributed);
        writer.WriteVarInt64(PromotedAtVersion);
        writer.WriteVarInt64(Elo);
    }

    public static ConfigPipeline Read(ref WireReader reader)
    {
        var games = NonNegative(ref reader);
        var atTraining = NonNegative(ref reader);
        var candidate = NonNegative(ref reader);
        var evaluated = NonNegative(ref reader);
        var promoted = NonNegative(ref reader);
        var distributed = NonNegative(ref reader);
        var promotedAt = NonNegative(ref reader);
        var elo = reader.ReadVarInt64();
        if (elo is < -100_000 or > 100_000) throw new MalformedMessageException("elo out of range: " + elo);
        return new ConfigPipeline(games, atTraining, candidate, evaluated, promoted, distributed, promotedAt, (int)elo);
    }

    private static long NonNegative(ref WireReader reader)
    {
        var value = reader.ReadVarInt64();
        if (value < 0) throw new MalformedMessageException("negative pipeline count " + value);
        return value;
    }
}
