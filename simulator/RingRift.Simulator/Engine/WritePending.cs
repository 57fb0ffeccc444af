using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>A persist on its way to the disk; the disk decides its outcome when it completes.</summary>
internal sealed record WritePending(EffectId Effect, PersistentState State);
