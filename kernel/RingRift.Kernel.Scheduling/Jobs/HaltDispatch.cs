namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// Operator request: stop (or resume) placing jobs on this node's dispatch. Scenarios use it to break
/// the leader's dispatch path; the stall alarm must then fire.
/// </summary>
public sealed record HaltDispatch(bool Halted) : Command
{
    public override string Name => Halted ? "halt_dispatch" : "resume_dispatch";
}
