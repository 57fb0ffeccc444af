using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Adapters.Sqlite;

/// <summary>
/// The worker journal (<see cref="PersistentState.Journal"/>) as stored: a count, then each job spec in
/// the kernel's canonical encoding, base64. A stored journal that does not decode is corruption, never
/// an empty journal: losing it would let executions that died with the node vanish unrecorded.
/// </summary>
internal static class JournalCodec
{
    /// <summary>More entries than any node has GPUs for; a stored count above it is corruption.</summary>
    private const int EntriesMax = 4_096;

    public static string Encode(ImmutableArray<JobSpec> journal)
    {
        var writer = new WireWriter();
        writer.WriteVarUInt64((ulong)journal.Length);
        foreach (var spec in journal) spec.Write(writer);
        return System.Convert.ToBase64String(writer.Written);
    }

    public static ImmutableArray<JobSpec> Decode(string text)
    {
        try
        {
            var reader = new WireReader(System.Convert.FromBase64String(text));
            var count = reader.ReadBoundedInt(EntriesMax);
            if (count == 0 && reader.AtEnd) return [];
            var specs = ImmutableArray.CreateBuilder<JobSpec>(count);
            for (var i = 0; i < count; i++) specs.Add(JobSpec.Read(ref reader));
            if (!reader.AtEnd) throw new StateStoreException("stored journal has trailing bytes");
            return specs.MoveToImmutable();
        }
        catch (System.Exception e) when (e is System.FormatException or MalformedMessageException)
        {
            throw new StateStoreException("stored journal is corrupt: " + e.Message);
        }
    }
}
