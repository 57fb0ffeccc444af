using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>A <see cref="DeleteFile"/> the simulator carries out a moment after the kernel asked.</summary>
internal sealed record DeleteRun(EffectId Id, string Path, ContentHash Hash);
