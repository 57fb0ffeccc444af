using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>Canonical encodings of job specs and id lists shared by <see cref="JobReport"/> and <see cref="JobOrders"/>.</summary>
public static class JobWire
{
    public const int JobIdBytesMax = 128;
    public const int ConfigBytesMax = 32;

    public static void WriteSpec(WireWriter writer, JobSpec spec)
    {
        writer.WriteString(spec.Id.Value);
        writer.WriteByte((byte)spec.Kind);
        writer.WriteString(spec.Config);
        writer.WriteVarUInt64((ulong)spec.Gpus);
    }

    public static JobSpec ReadSpec(ref WireReader reader)
    {
        var id = new JobId(reader.ReadString(JobIdBytesMax));
        var kind = reader.ReadByte();
        if (kind > (byte)JobKind.Gauntlet) throw new MalformedMessageException("unknown job kind " + kind);
        var config = reader.ReadString(ConfigBytesMax);
        return new JobSpec(id, (JobKind)kind, config, reader.ReadBoundedInt(64));
    }

    public static void WriteSpecs(WireWriter writer, ImmutableArray<JobSpec> specs)
    {
        writer.WriteVarUInt64((ulong)specs.Length);
        foreach (var spec in specs) WriteSpec(writer, spec);
    }

    public static ImmutableArray<JobSpec> ReadSpecs(ref WireReader reader)
    {
        var count = reader.ReadBoundedInt(SchedulingConfig.JobsPerMessageMax);
        var specs = ImmutableArray.CreateBuilder<JobSpec>(count);
        for (var i = 0; i < count; i++) specs.Add(ReadSpec(ref reader));
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
        for (var i = 0; i < count; i++) ids.Add(new JobId(reader.ReadString(JobIdBytesMax)));
        return ids.MoveToImmutable();
    }
}
