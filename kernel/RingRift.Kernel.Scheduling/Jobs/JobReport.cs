using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A worker's report to the leader it follows: the epoch it follows, its GPU health and slots, every job
/// it runs (its whole running set, counted from launches it owns), the results no leader has
/// acknowledged yet, and the newest pipeline snapshot it holds. Sent every report interval and as soon
/// as a job ends; it doubles as the pull request (the leader answers with <see cref="JobOrders"/> on the
/// same connection, which reaches NAT-blocked workers). <see cref="Sequence"/> grows with every report of
/// every incarnation of the worker, so a delayed or replayed older report is ignored. <see cref="OrdersSeen"/>
/// is how far it is past the orders of epoch <see cref="Epoch"/>: each up to it was applied or is given up
/// for good (<see cref="OrdersWindow"/>).
/// </summary>
public sealed record JobReport(
    long Sequence,
    long Epoch,
    GpuHealth Gpu,
    int Slots,
    ImmutableArray<JobSpec> Running,
    ImmutableArray<JobResult> Results,
    PipelineSnapshot Pipeline,
    long OrdersSeen = 0) : Message
{
    public override MessageKind Kind => MessageKind.JobReport;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Sequence);
        writer.WriteVarInt64(Epoch);
        writer.WriteByte((byte)Gpu);
        writer.WriteVarUInt64((ulong)Slots);
        JobWire.WriteSpecs(writer, Running);
        writer.WriteVarUInt64((ulong)Results.Length);
        foreach (var result in Results) result.Write(writer);
        Pipeline.Write(writer);
        writer.WriteVarInt64(OrdersSeen);
    }

    public static JobReport Read(ref WireReader reader)
    {
        var sequence = reader.ReadVarInt64();
        var epoch = reader.ReadVarInt64();
        if (epoch < 0 || sequence < 0) throw new MalformedMessageException("negative epoch or sequence");
        var gpu = reader.ReadByte();
        if (gpu > (byte)GpuHealth.Misdetected) throw new MalformedMessageException("unknown gpu health " + gpu);
        var slots = reader.ReadBoundedInt(SchedulingConfig.JobsPerMessageMax);
        var running = JobWire.ReadSpecs(ref reader);
        var count = reader.ReadBoundedInt(SchedulingConfig.JobsPerMessageMax);
        var results = ImmutableArray.CreateBuilder<JobResult>(count);
        for (var i = 0; i < count; i++) results.Add(JobResult.Read(ref reader));
        var pipeline = PipelineSnapshot.Read(ref reader);
        var ordersSeen = reader.ReadVarInt64();
        if (ordersSeen < 0) throw new MalformedMessageException("negative orders sequence");
        return new JobReport(sequence, epoch, (GpuHealth)gpu, slots, running, results.MoveToImmutable(), pipeline, ordersSeen);
    }
}
