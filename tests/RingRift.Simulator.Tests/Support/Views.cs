using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Tests.Support;

/// <summary>Expected membership views for scenarios built in code.</summary>
internal static class Views
{
    /// <summary>At <paramref name="seconds"/>, <paramref name="observer"/> (null: every running node) sees <paramref name="peer"/> in <paramref name="state"/>.</summary>
    public static ExpectedView At(long seconds, NodeId? observer, NodeId peer, MemberState state, int line = 1) =>
        new(Duration.FromSeconds(seconds), observer, peer, state, line);
}
