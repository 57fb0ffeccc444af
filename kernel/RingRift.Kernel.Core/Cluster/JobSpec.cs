namespace RingRift.Kernel;

/// <summary>What to run: the job's id, kind, board config ("square8_2p") and GPUs it needs.</summary>
public sealed record JobSpec(JobId Id, JobKind Kind, string Config, int Gpus)
{
    public const int IdBytesMax = 128;
    public const int ConfigBytesMax = 32;
    public const int GpusMax = 64;

    /// <summary>The canonical encoding, shared by job messages and the hosts' durable journal.</summary>
    public void Write(WireWriter writer)
    {
        writer.WriteString(Id.Value);
        writer.WriteByte((byte)Kind);
        writer.WriteString(Config);
        writer.WriteVarUInt64((ulong)Gpus);
    }

    public static JobSpec Read(ref WireReader reader)
    {
        var id = new JobId(reader.ReadString(IdBytesMax));
        var kind = reader.ReadByte();
        if (kind > (byte)JobKind.Gauntlet) throw new MalformedMessageException("unknown job kind " + kind);
        var config = reader.ReadString(ConfigBytesMax);
        return new JobSpec(id, (JobKind)kind, config, reader.ReadBoundedInt(GpusMax));
    }
}

/// <summary>The kinds of work in the AlphaZero loop.</summary>
public enum JobKind : byte
{
    Selfplay = 0,
    Training = 1,
    Gauntlet = 2,
}
