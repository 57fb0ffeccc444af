using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>
/// One transfer the simulator runs for an initiating node: the ends (indices), when it started, and the
/// fault drawn for it at the start (null: it succeeds unless the link or an end fails meanwhile).
/// <see cref="SentBytes"/> is what crosses the link by its end, whole or part.
/// </summary>
internal sealed record TransferRun(int Initiator, EffectId Id, TransferSpec Spec, int Source, int Target, TransferFailure? Fault, long SentBytes);
