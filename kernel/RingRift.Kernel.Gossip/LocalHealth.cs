namespace RingRift.Kernel.Gossip;

/// <summary>
/// Lifeguard's local health awareness: a score from 0 to multiplierMax − 1 that rises when this node
/// sees signs that it, not its peers, is in trouble (its probes fail without the nacks that would show
/// the others are fine, it is accused and must refute, it stalls) and falls with each successful probe.
/// Timeouts are stretched by <see cref="Multiplier"/> = score + 1, so a slow node waits longer before
/// it accuses anyone.
/// </summary>
internal sealed class LocalHealth(int multiplierMax)
{
    public int Score { get; private set; }

    public int Multiplier => Score + 1;

    /// <summary>Adds <paramref name="delta"/>, clamped; true when the score changed.</summary>
    public bool Apply(int delta)
    {
        var score = System.Math.Clamp(Score + delta, 0, multiplierMax - 1);
        if (score == Score) return false;
        Score = score;
        return true;
    }

    public Duration Scale(Duration timeout) => timeout * Multiplier;
}
