using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A scheduled end of a simulated process. A natural end is stale if the process was already ended
/// another way; a <see cref="Forced"/> end (kill, GPU loss, failed launch) already removed it.
/// </summary>
internal sealed record ProcessEnd(long Serial, EffectId Launch, JobId Job, EffectOutcome Outcome, bool Forced);
