namespace RingRift.Simulator.Engine;

/// <summary>Whether a simulated node's kernel is stepping, frozen in a pause, or gone.</summary>
internal enum NodeRunState : byte
{
    Up,
    Paused,
    Crashed,
}
