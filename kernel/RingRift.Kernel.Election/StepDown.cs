namespace RingRift.Kernel.Election;

/// <summary>Operator request: stop leading, and stand aside for two leases so another candidate takes over.</summary>
public sealed record StepDown : Command
{
    public override string Name => "step_down";
}
