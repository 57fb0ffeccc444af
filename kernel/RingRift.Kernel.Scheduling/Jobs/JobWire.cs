using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>Canonical encodings of job specs and id lists shared by <see cref="JobReport"/> and <see cref="JobOrders"/>.</summary>
public static class JobWire
{
    public static void WriteSpecs(WireWriter writer, ImmutableArray<JobSpec> specs)
    {
        writer.WriteVarUInt64((ulong)specs.Length);
        foreach (var spec in specs) spec.Write(writer);
    }

    public static ImmutableArray<JobSpec> ReadSpecs(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(SchedulingConfig.JobsPerMessageMax);
        var specs = ImmutableArray.CreateBuilder<JobSpec>(count);
        for (var i = 0; i < count; i++) specs.Add(JobSpec.Read(ref reader));
        return specs.MoveToImmutable();
    }

    public static void WriteIds(WireWriter writer, ImmutableArray<JobId> ids)
    {
        writer.WriteVarUInt64((ulong)ids.Length);
        foreach (var id in ids) writer.WriteString(id.Value);
    }

    public static ImmutableArray<JobId> ReadIds(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(SchedulingConfig.JobsPerMessageMax);
        var ids = ImmutableArray.CreateBuilder<JobId>(count);
        for (var i = 0; i < count; i++) ids.Add(new JobId(reader.ReadString(JobSpec.IdBytesMax)));
        return ids.MoveToImmutable();
    }
}
