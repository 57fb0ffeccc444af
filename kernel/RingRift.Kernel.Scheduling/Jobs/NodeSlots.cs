using System.Collections.Generic;

namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The book's view of one node: how many jobs it may hold, which jobs it holds (assigned or running:
/// reservations, so a stale report can never make it look emptier than it is) and its cooldown.
/// </summary>
internal sealed class NodeSlots(int slots)
{
    public int Slots { get; set; } = slots;

    public List<JobId> Jobs { get; } = new();

    public Instant CooldownUntil { get; set; } = Instant.Zero;

    public int Free => Slots > Jobs.Count ? Slots - Jobs.Count : 0;
}
