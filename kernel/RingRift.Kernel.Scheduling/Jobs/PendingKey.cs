using System;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>Orders pending jobs: higher priority first, then enqueue order; the id only breaks exact ties.</summary>
internal readonly record struct PendingKey(int Priority, long Sequence, JobId Job) : IComparable<PendingKey>
{
    public int CompareTo(PendingKey other)
    {
        if (Priority != other.Priority) return other.Priority.CompareTo(Priority);
        if (Sequence != other.Sequence) return Sequence.CompareTo(other.Sequence);
        return Job.CompareTo(other.Job);
    }
}
