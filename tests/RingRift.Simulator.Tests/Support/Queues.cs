using System.Collections.Generic;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Tests.Support;

internal static class Queues
{
    /// <summary>Pops every queued event, in the queue's order.</summary>
    public static List<SimEvent> Drain(EventQueue queue)
    {
        var events = new List<SimEvent>();
        while (queue.Count > 0) events.Add(queue.Pop());
        return events;
    }
}
