using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// The node reference <c>leader</c> in a timeline: whichever node holds a valid leadership lease (in
/// true time) when the entry runs, the highest epoch if ever two do. In <c>restart</c> it names the
/// node the latest <c>crash: leader</c> crashed. An entry whose <c>leader</c> names nobody at that
/// moment (no lease is valid, or no crashed leader waits for its restart) does nothing and says so
/// in the trace. No host may be called <c>leader</c>.
/// </summary>
public static class LeaderReference
{
    public const string Name = "leader";

    public static readonly NodeId Node = new(Name);

    public static bool Is(NodeId node) => node.Value == Name;
}
