namespace RingRift.Simulator.Scenarios;

/// <summary>
/// A summary figure the run must end with: exactly <see cref="Value"/> (e.g. leader_changes = 2), or,
/// when <see cref="Max"/> is set, anywhere in <see cref="Value"/>..<see cref="Max"/> (written
/// <c>{ min: 9500 }</c> or <c>{ min: 0, max: 3 }</c>).
/// </summary>
public sealed record ExpectedFigure(string Name, long Value, int SourceLine)
{
    /// <summary>The upper bound of a range; null for an exact figure.</summary>
    public long? Max { get; init; }

    public bool Holds(long actual) => Max is { } max ? actual >= Value && actual <= max : actual == Value;

    public string Describe() => Max is { } max ? (max == long.MaxValue ? $"at least {Value}" : $"within {Value}..{max}") : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
