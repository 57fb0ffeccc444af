using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The leader's orders to one worker, fenced by the leader's <see cref="Epoch"/>: jobs to start, jobs to
/// kill (orphans, duplicates, overdue or on a quarantined GPU), results it has applied and made durable
/// (the worker stops reporting them), and its pipeline snapshot (which model generation each config
/// uses: the distribution order). A worker that has seen a higher epoch applies none of it.
/// <see cref="Answers"/> is the sequence of the report these orders answer (0 for orders pushed
/// unasked): only an answer renews the worker's work lease, anchored at that report's sending
/// (<see cref="WorkLeaseMath"/>). <see cref="Sequence"/> numbers the leader's orders to this worker
/// (1, 2, … within its epoch): a worker applies each at most once and reports how far it is past them
/// (<see cref="JobReport.OrdersSeen"/>, see <see cref="OrdersWindow"/>). The leader gives an assignment up
/// as never started only on a report past its orders, so orders held or delayed cannot start a job the
/// leader has since placed elsewhere.
/// </summary>
public sealed record JobOrders(
    long Epoch,
    ImmutableArray<JobSpec> Assign,
    ImmutableArray<JobId> Kill,
    ImmutableArray<JobId> Acknowledged,
    PipelineSnapshot Pipeline,
    long Answers = 0,
    long Sequence = 0) : Message
{
    public override MessageKind Kind => MessageKind.JobOrders;

    public override void WriteBody(WireWriter writer)
    {
        writer.WriteVarInt64(Epoch);
        JobWire.WriteSpecs(writer, Assign);
        JobWire.WriteIds(writer, Kill);
        JobWire.WriteIds(writer, Acknowledged);
        Pipeline.Write(writer);
        writer.WriteVarInt64(Answers);
        writer.WriteVarInt64(Sequence);
    }

    public static JobOrders Read(ref WireReader reader)
    {
        var epoch = reader.ReadVarInt64();
        if (epoch < 1) throw new MalformedMessageException("orders need a positive epoch");
        var orders = new JobOrders(
            epoch, JobWire.ReadSpecs(ref reader), JobWire.ReadIds(ref reader), JobWire.ReadIds(ref reader),
            PipelineSnapshot.Read(ref reader));
        var answers = reader.ReadVarInt64();
        var sequence = reader.ReadVarInt64();
        if (answers < 0 || sequence < 0) throw new MalformedMessageException("negative report or orders sequence");
        return orders with { Answers = answers, Sequence = sequence };
    }
}
