using RingRift.Kernel;

namespace RingRift.Host.Driver;

/// <summary>A kernel input to step: a delivered message, an effect's completion, a resource sample.</summary>
internal sealed record InputEvent(KernelInput Input) : HostEvent;
