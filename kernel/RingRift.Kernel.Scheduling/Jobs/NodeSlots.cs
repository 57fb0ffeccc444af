using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The book's view of one node: its capacity, which jobs it holds (assigned or running: reservations,
/// so a stale report can never make it look emptier than it is), the slots they take, and its cooldown.
/// </summary>
internal sealed class NodeSlots(NodeCapacity capacity)
{
    public NodeCapacity Capacity { get; set; } = capacity;

    public List<JobId> Jobs { get; } = new();

    /// <summary>The slots <see cref="Jobs"/> take (<see cref="NodeCapacity.SlotsTaken"/> each, as placed).</summary>
    public int Used { get; set; }

    public Instant CooldownUntil { get; set; } = Instant.Zero;

    /// <summary>
    /// Jobs whose execution here was declared lost while it may still run (the node went silent or was
    /// quarantined): neither placed here again nor adopted back until a report shows the execution gone.
    /// </summary>
    public List<JobId> LostHere { get; } = new();

    /// <summary>
    /// Of <see cref="LostHere"/>, the jobs lost when the node was quarantined: its kill is on its way, so
    /// they are placed nowhere until the node reports them gone or is silent past its work lease.
    /// </summary>
    public List<JobId> AwaitingGone { get; } = new();

    public int Free => Capacity.Slots > Used ? Capacity.Slots - Used : 0;

    /// <summary>Whether a job of <paramref name="kind"/> fits in the free slots.</summary>
    public bool Fits(JobKind kind) => Capacity.SlotsTaken(kind) <= Free;
}
