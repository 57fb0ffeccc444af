namespace RingRift.Kernel;

/// <summary>Identifies an effect within one kernel incarnation; assigned in increasing order.</summary>
public readonly record struct EffectId(long Value)
{
    public override string ToString() => "e" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Identifies a submitted request; chosen by the host, echoed in the reply.</summary>
public readonly record struct RequestId(long Value)
{
    public override string ToString() => "r" + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Identifies a job cluster-wide.</summary>
public readonly record struct JobId(string Value) : System.IComparable<JobId>
{
    public int CompareTo(JobId other) => string.CompareOrdinal(Value, other.Value);
    public override string ToString() => Value;
}
