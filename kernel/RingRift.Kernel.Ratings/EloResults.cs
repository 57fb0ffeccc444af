using System.Collections.Immutable;

namespace RingRift.Kernel.Ratings;

/// <summary>One page of results in id order; <see cref="More"/> when the sender holds results after the last.</summary>
public sealed record EloResults(ImmutableArray<MatchResult> Results, bool More) : Message
{
    public const int PageMax = 64;

    public override MessageKind Kind => MessageKind.EloResults;

    public override void WriteBody(WireWriter writer)
    {
        Invariant.True(Results.Length <= PageMax);
        writer.WriteVarUInt64((ulong)Results.Length);
        foreach (var result in Results) result.Write(writer);
        writer.WriteBool(More);
    }

    public static EloResults Read(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(PageMax);
        var results = ImmutableArray.CreateBuilder<MatchResult>(count);
        for (var i = 0; i < count; i++) results.Add(MatchResult.Read(ref reader));
        return new EloResults(results.MoveToImmutable(), reader.ReadBool());
    }
}
