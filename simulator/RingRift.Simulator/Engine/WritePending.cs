using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>A persist on its way to the disk, completing with <see cref="Outcome"/>.</summary>
internal sealed record WritePending(EffectId Effect, PersistentState State, EffectOutcome Outcome);
