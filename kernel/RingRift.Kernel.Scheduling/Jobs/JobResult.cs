namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A job's ending as its node reports it until a leader acknowledges it: the job, how it ended, its
/// one-number output (games, samples, or win rate in basis points) and, for failures, the reason.
/// </summary>
public sealed record JobResult(JobSpec Job, JobOutcome Outcome, long Output, string Reason)
{
    public const int ReasonBytesMax = 200;

    public void Write(WireWriter writer)
    {
        Job.Write(writer);
        writer.WriteByte((byte)Outcome);
        writer.WriteVarInt64(Output);
        writer.WriteString(Reason.Length > ReasonBytesMax / 4 ? Reason[..(ReasonBytesMax / 4)] : Reason);
    }

    public static JobResult Read(ref WireReader reader)
    {
        var job = JobSpec.Read(ref reader);
        var outcome = reader.ReadByte();
        if (outcome > (byte)JobOutcome.DiedWithNode) throw new MalformedMessageException("unknown job outcome " + outcome);
        var output = reader.ReadVarInt64();
        if (output < 0) throw new MalformedMessageException("negative job output");
        return new JobResult(job, (JobOutcome)outcome, output, reader.ReadString(ReasonBytesMax));
    }
}
