namespace RingRift.Kernel;

/// <summary>What a node is doing now: its running jobs (counted from handles it owns) and resources.</summary>
public sealed record NodeLoad(int SelfplayJobs, int TrainingJobs, int GauntletJobs, ResourceSample Resources)
{
    public static readonly NodeLoad Idle = new(0, 0, 0, ResourceSample.Idle);

    public int RunningJobs => SelfplayJobs + TrainingJobs + GauntletJobs;

    public void Write(WireWriter writer)
    {
        writer.WriteVarUInt64((ulong)SelfplayJobs);
        writer.WriteVarUInt64((ulong)TrainingJobs);
        writer.WriteVarUInt64((ulong)GauntletJobs);
        writer.WriteVarInt64(Resources.CpuBusy.BasisPoints);
        writer.WriteVarInt64(Resources.MemoryUsed.BasisPoints);
        writer.WriteVarInt64(Resources.GpuBusy.BasisPoints);
        writer.WriteVarInt64(Resources.DiskFree.Bytes);
        writer.WriteByte((byte)Resources.GpuHealth);
    }

    public static NodeLoad Read(ref WireReader reader)
    {
        var selfplay = reader.ReadBoundedInt(10_000);
        var training = reader.ReadBoundedInt(10_000);
        var gauntlet = reader.ReadBoundedInt(10_000);
        var resources = new ResourceSample(
            new Ratio(ReadBasisPoints(ref reader)),
            new Ratio(ReadBasisPoints(ref reader)),
            new Ratio(ReadBasisPoints(ref reader)),
            new ByteSize(reader.ReadVarInt64()),
            ReadGpuHealth(ref reader));
        return new NodeLoad(selfplay, training, gauntlet, resources);
    }

    private static int ReadBasisPoints(ref WireReader reader)
    {
        var value = reader.ReadVarInt64();
        if (value < 0 || value > Ratio.BasisPointsPerOne) throw new MalformedMessageException("ratio out of range: " + value);
        return (int)value;
    }

    private static GpuHealth ReadGpuHealth(ref WireReader reader)
    {
        var value = reader.ReadByte();
        if (value > (byte)GpuHealth.Misdetected) throw new MalformedMessageException("unknown gpu health " + value);
        return (GpuHealth)value;
    }
}
